/// The colour a service is drawn with on screens, the totem and the display (one of the eight
/// colours every terminal has; screens must also read in monochrome).
public enum ServiceColour: String, CaseIterable, Codable, Sendable {
    case red, green, yellow, blue, magenta, cyan, white
}
