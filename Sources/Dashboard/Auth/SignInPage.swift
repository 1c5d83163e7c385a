/// The sign-in form, in the Layout's style without navigation: a signed-out reader has no pages to go to yet.
enum SignInPage {
    /// - Parameters:
    ///   - next: where to go once signed in (a path with its query), carried in a hidden field.
    ///   - message: why the last attempt failed, already in `language`.
    static func view(language: Language, next: String?, name: String = "", message: String? = nil) -> HTMLNode {
        Layout.page(title: language.text(.signInTitle), language: language, alternate: .signIn, navigation: []) {
            HTMLNode.section(.class("sign-in")) {
                HTMLNode.h1 { language.text(.signInTitle) }
                if let message {
                    HTMLNode.p(.class("sign-in-error"), .role("alert")) { message }
                }
                HTMLNode.form(.method("post"), .action(.signIn), .class("sign-in-form")) {
                    if let next {
                        HTMLNode.input(.type("hidden"), .name("next"), .value(next))
                    }
                    HTMLNode.label(.for("sign-in-user")) { language.text(.userName) }
                    HTMLNode.input(.type("text"), .id("sign-in-user"), .name("user"), .value(name),
                                   HTMLAttribute("autocomplete", "username"), .required)
                    HTMLNode.label(.for("sign-in-password")) { language.text(.password) }
                    HTMLNode.input(.type("password"), .id("sign-in-password"), .name("password"),
                                   HTMLAttribute("autocomplete", "current-password"), .required)
                    HTMLNode.button(.type("submit")) { language.text(.signInTitle) }
                }
            }
        }
    }
}
