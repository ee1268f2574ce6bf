import Foundation
import Glibc
import Testing
@testable import CounterTUI

@Suite struct DisplayWidthTests {
    static let samples: [UInt32] = [
        0x41, 0x7A, 0xE0, 0xF2, 0x300, 0x301, 0x200B, 0x200D, 0xFE0F, 0xAD, 0x1160,
        0x4E00, 0x738B, 0x5C0F, 0x660E, 0xAC00, 0xFF21, 0x3000, 0x1F600, 0x1F468, 0x1F469,
        0x1F1EE, 0x1F1F9, 0x2764, 0x263A, 0x2026, 0x2500, 0x20AC, 0xFFFD, 0x1F3FB, 0xE0067,
        0x7, 0x1B, 0x7F, 0x9F, 0x10FFFF, 0x3FFFD, 0x20000, 0x2F800,
    ]

    /// glibc's own `wcwidth`, looked up at run time (the Glibc module does not export it).
    static let wcwidth: @convention(c) (Int32) -> Int32 = {
        let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth")!
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    static func glibcWidth(_ value: UInt32) -> Int {
        _ = setlocale(LC_ALL, "C.UTF-8")
        return Int(wcwidth(Int32(bitPattern: value)))
    }

    @Test(arguments: samples)
    func sampleMatchesGlibc(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        #expect(DisplayWidth.of(scalar: scalar) == Self.glibcWidth(value), "U+\(String(value, radix: 16, uppercase: true))")
    }

    @Test func everyCodePointOfPlanes0To3And14MatchesGlibc() {
        _ = setlocale(LC_ALL, "C.UTF-8")
        var mismatches: [String] = []
        for value in Array(UInt32(0)...0x3FFFF) + Array(UInt32(0xE0000)...0xEFFFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(Self.wcwidth(Int32(bitPattern: value)))
            if DisplayWidth.of(scalar: scalar) != expected, mismatches.count < 10 {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "differ from glibc: \(mismatches)")
    }

    @Test(arguments: [
        ("Niccolò", 7), ("Nicolo\u{0300}", 6), ("王小明", 6), ("😀", 2), ("👨‍👩‍👧", 1), ("🇮🇹", 1), ("❤️", 1), ("Zoë", 3),
    ])
    func textWidthCountsCellsAsDrawn(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test(arguments: ["👨‍👩‍👧", "🇮🇹", "❤️", "👍🏽", "1️⃣", "\u{7}"])
    func garbledSequencesBecomeTheFallbackGlyph(_ text: String) throws {
        let glyph = Glyph(try #require(text.first))
        #expect(glyph.text == Glyph.fallback)
        #expect(glyph.width == 1)
    }

    @Test func combiningSequenceIsOneNormalisedCell() throws {
        let glyph = Glyph(try #require("o\u{0300}".first))
        #expect(glyph.text == "ò")
        #expect(glyph.width == 1)
    }
}
