import Hummingbird

/// The stylesheet or the script, served from the binary with its content type, the security headers, a cache
/// lifetime and an `ETag`, so a browser revalidates with `If-None-Match` and gets a bodiless 304.
public struct AssetResponse: ResponseGenerator, Sendable {
    /// The assets the binary carries.
    public enum Asset: Sendable, Hashable {
        case stylesheet, script, icon

        /// The route the asset is served at.
        public var route: SiteRoute {
            switch self {
            case .stylesheet: .stylesheet
            case .script: .script
            case .icon: .icon
            }
        }

        public var contentType: String {
            switch self {
            case .stylesheet: "text/css; charset=utf-8"
            case .script: "text/javascript; charset=utf-8"
            case .icon: "image/svg+xml"
            }
        }

        public var content: String {
            switch self {
            case .stylesheet: Assets.stylesheet
            case .script: Assets.script
            case .icon: Assets.icon
            }
        }

        /// A strong validator derived from the content, so a new release invalidates the browser's copy.
        public var eTag: String {
            switch self {
            case .stylesheet: AssetResponse.stylesheetETag
            case .script: AssetResponse.scriptETag
            case .icon: AssetResponse.iconETag
            }
        }
    }

    /// An hour: long enough that page loads do not refetch the assets, short enough that an upgrade shows
    /// within the hour even without revalidation (the asset URLs carry no version).
    public static let cacheControl = "max-age=3600"

    public var asset: Asset

    public init(_ asset: Asset) {
        self.asset = asset
    }

    public func response(from request: Request, context: some RequestContext) -> Response {
        var headers = HTMLResponse.securityHeaders
        headers[.eTag] = asset.eTag
        headers[.cacheControl] = AssetResponse.cacheControl
        if let candidates = request.headers[.ifNoneMatch],
           candidates == "*" || candidates.split(separator: ",").contains(where: { $0.trimmingSpaces == asset.eTag }) {
            return Response(status: .notModified, headers: headers)
        }
        let buffer = ByteBuffer(string: asset.content)
        headers[.contentType] = asset.contentType
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    private static let stylesheetETag = eTag(for: Assets.stylesheet)
    private static let scriptETag = eTag(for: Assets.script)
    private static let iconETag = eTag(for: Assets.icon)

    /// `"<FNV-1a 64 of the UTF-8 bytes, in hex>"`: stable across runs and platforms, unlike `hashValue`.
    static func eTag(for content: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in content.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
