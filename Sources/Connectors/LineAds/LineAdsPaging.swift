/// LINE's `paging` (`page` 1-based, `size`, `totalElements`): the page after `page`, if any.
enum LineAdsPaging {
    static func next(_ scanner: JSONScanner, page: Int, received: Int) -> String? {
        func number(_ name: String) -> Int? {
            (try? scanner.value(at: ["paging", name])).flatMap { $0 }.flatMap { Int(scanner.text($0)) }
        }
        guard received > 0, let total = number("totalElements") else { return nil }
        let size = number("size") ?? LineAds.pageSize
        return page * size < total ? String(page + 1) : nil
    }
}
