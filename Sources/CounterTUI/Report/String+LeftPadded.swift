extension String {
    /// Pads on the left to `width` characters (report columns are plain ASCII and
    /// single-width symbols).
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
