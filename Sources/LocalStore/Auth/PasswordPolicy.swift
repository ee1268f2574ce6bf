/// The minimum a password must be: long enough to resist guessing at a counter.
public enum PasswordPolicy {
    public static let minimumLength = 8

    public static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw StoreError.invalid("la password deve avere almeno \(minimumLength) caratteri")
        }
        guard password.count <= 256 else {
            throw StoreError.invalid("la password non può superare 256 caratteri")
        }
    }
}
