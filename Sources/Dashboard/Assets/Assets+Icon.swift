extension Assets {
    /// The tab icon: a bar chart on the accent colour. Without one, every browser asks for `/favicon.ico` and logs the
    /// 404 as a console error on every page.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
        <rect width="32" height="32" rx="7" fill="#1f5fd1"/>\
        <rect x="7" y="16" width="4" height="9" rx="1" fill="#fff"/>\
        <rect x="14" y="10" width="4" height="15" rx="1" fill="#fff"/>\
        <rect x="21" y="6" width="4" height="19" rx="1" fill="#fff"/>\
        </svg>
        """
}
