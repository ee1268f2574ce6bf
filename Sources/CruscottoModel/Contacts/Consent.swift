import Foundation

/// A consent given or refused by the citizen, with the day it was recorded.
/// Refusals are kept too: "refused on 3 March" is different from "never asked".
public struct Consent: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// Acknowledgement of the privacy notice (informativa, GDPR art. 13).
        case privacyNotice = "privacy_notice"
        /// Notices by SMS (ticket called, application concluded).
        case sms
        /// Notices by e-mail.
        case email

        public var label: String {
            switch self {
            case .privacyNotice: "informativa privacy"
            case .sms: "avvisi via SMS"
            case .email: "avvisi via e-mail"
            }
        }
    }

    public var kind: Kind
    public var granted: Bool
    public var recordedOn: CivilDate

    public init(kind: Kind, granted: Bool, recordedOn: CivilDate) {
        self.kind = kind
        self.granted = granted
        self.recordedOn = recordedOn
    }
}
