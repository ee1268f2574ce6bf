public enum CruscottoModel { public static let name = "Sportello TUI" }
