import Foundation

/// Whether the address the dashboard listens on is reachable only from this machine. The dashboard speaks plain
/// HTTP, so on any other address passwords and session cookies cross the network unencrypted unless a TLS proxy
/// stands in front of it.
public enum ListenHost {
    /// `localhost`, any `127.x.x.x`, and `::1` in any spelling (`[::1]`, `0:0:0:0:0:0:0:1`, `::ffff:127.0.0.1`).
    /// Anything else, `0.0.0.0` and `::` included, may be reached from elsewhere; so may another host name,
    /// which can resolve to anything.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name == "localhost." { return true }
        // The C library's own parser reads the address, so every spelling it accepts is understood the same way.
        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 { return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127 }
        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, name, &ipv6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
        if bytes == Array(repeating: 0, count: 15) + [1] { return true }
        // An IPv4-mapped address is the IPv4 address it maps.
        return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
    }

    /// The one-line warning `serve` prints when the dashboard listens beyond this machine, or `nil` on loopback.
    public static func exposureWarning(host: String) -> String? {
        guard !isLoopback(host) else { return nil }
        return "warning: the dashboard listens on \(host), not only on this machine, over plain HTTP: "
            + "passwords and session cookies cross the network unencrypted unless a TLS proxy serves it "
            + "(set dashboard.public_url to its https address so cookies are Secure)."
    }
}
