import CNCursesW
import Foundation

/// The real screen through ncursesw. The only file that talks to curses.
///
/// Keys are read with `wget_wch` on a dedicated thread (never the concurrency pool), which
/// waits with `poll` and takes the curses lock only to read what is pending, so drawing is
/// never blocked by a waiting read. SIGTERM and SIGHUP post `.terminate` so the loop can stop
/// cleanly; if it has not closed the terminal within a few seconds, the terminal is restored
/// and the process exits anyway.
public final class CursesTerminal: Terminal {
    public let events: AsyncStream<TerminalEvent>
    private let shared: Shared
    private var renderer = FrameRenderer()
    private var signalSources: [DispatchSourceSignal] = []
    private var cursorVisible = false

    /// Opens the terminal. Throws before touching the screen when the locale is not UTF-8.
    public init() throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: sp_codeset())
        let normalised = codeset.uppercased().replacingOccurrences(of: "-", with: "")
        guard normalised == "UTF8" else { throw TerminalFailure.notUTF8(codeset: codeset) }
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalFailure.notATerminal }
        guard let screen = newterm(nil, sp_stdout(), sp_stdin()) else { throw TerminalFailure.cannotOpen }
        set_term(screen)
        raw()
        noecho()
        nonl()
        keypad(sp_stdscr(), true)
        nodelay(sp_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let colours = has_colors()
        if colours {
            start_color()
            use_default_colors()
            for style in Style.allCases {
                let colour = style.colour
                init_pair(Int16(style.rawValue) + 1, colour.foreground.rawValue, colour.background.rawValue)
            }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
        events = stream
        shared = Shared(screen: screen, colours: colours, continuation: continuation)
        let shared = self.shared
        let thread = Thread { shared.readKeys() }
        thread.name = "sportello-keyboard"
        thread.start()
        installSignalHandlers()
    }

    deinit { shutdown() }

    public var size: TerminalSize {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        return shared.currentSize()
    }

    public func draw(_ frame: ScreenBuffer) {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        guard !shared.closed else { return }
        let window = sp_stdscr()
        if renderer.previous?.size != frame.size { renderer.invalidate() }
        let changes = renderer.render(frame)
        var cell = cchar_t()
        for change in changes {
            var characters = change.cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            characters.append(0)
            let (attributes, pair) = shared.attributes(for: change.cell.style)
            setcchar(&cell, characters, attributes, pair, nil)
            mvwadd_wch(window, Int32(change.y), Int32(change.x), &cell)
        }
        if let cursor = shared.cursor {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wrefresh(window)
    }

    public func requestFullRedraw() {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        renderer.invalidate()
        if !shared.closed { clearok(sp_stdscr(), true) }
    }

    public func setCursor(_ position: CursorPosition?) {
        shared.lock.lock()
        shared.cursor = position
        shared.lock.unlock()
    }

    public func bell() {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        if !shared.closed { beep() }
    }

    /// Restores the terminal (endwin) and stops the keyboard thread. Safe to call twice.
    public func shutdown() {
        for source in signalSources { source.cancel() }
        signalSources = []
        shared.close()
    }

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let shared = self.shared
            source.setEventHandler {
                shared.continuation.yield(.terminate)
                DispatchQueue.global().asyncAfter(deadline: .now() + 3) {
                    shared.close()
                    exit(128 + signalNumber)
                }
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

extension CursesTerminal {
    /// What the keyboard thread, signal handlers and the drawing side share, under one lock.
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        let screen: OpaquePointer
        let colours: Bool
        let continuation: AsyncStream<TerminalEvent>.Continuation
        var closed = false
        var cursor: CursorPosition?

        init(screen: OpaquePointer, colours: Bool, continuation: AsyncStream<TerminalEvent>.Continuation) {
            self.screen = screen
            self.colours = colours
            self.continuation = continuation
        }

        func currentSize() -> TerminalSize {
            var rows: Int32 = 0
            var columns: Int32 = 0
            sp_getmaxyx(sp_stdscr(), &rows, &columns)
            return TerminalSize(columns: Int(columns), rows: Int(rows))
        }

        func attributes(for style: Style) -> (attr_t, Int16) {
            var result = sp_a_normal()
            let attributes = colours ? style.colour.attributes : style.monochrome
            if attributes.contains(.bold) { result |= sp_a_bold() }
            if attributes.contains(.reverse) { result |= sp_a_reverse() }
            if attributes.contains(.underline) { result |= sp_a_underline() }
            if attributes.contains(.dim) { result |= sp_a_dim() }
            return (result, colours ? Int16(style.rawValue) + 1 : 0)
        }

        func close() {
            lock.lock()
            defer { lock.unlock() }
            guard !closed else { return }
            closed = true
            curs_set(1)
            endwin()
            delscreen(screen)
            continuation.finish()
        }

        /// The keyboard loop: wait for input without the lock, then read every pending key.
        func readKeys() {
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            while true {
                _ = poll(&descriptor, 1, 100)
                lock.lock()
                if closed { lock.unlock(); return }
                var events: [TerminalEvent] = []
                var character: wint_t = 0
                while true {
                    let status = wget_wch(sp_stdscr(), &character)
                    if status == sp_err() { break }
                    if let event = translate(status: status, code: character) { events.append(event) }
                }
                lock.unlock()
                for event in events { continuation.yield(event) }
                if descriptor.revents & Int16(POLLHUP) != 0 {
                    continuation.yield(.terminate)
                    return
                }
            }
        }

        /// Called with the lock held.
        func translate(status: Int32, code: wint_t) -> TerminalEvent? {
            let value = Int32(bitPattern: code)
            if status == sp_key_code_yes() {
                if value == sp_key_resize() { return .resize(currentSize()) }
                let f0 = sp_key_f(0)
                if value > f0, value <= f0 + 24 { return .key(.function(Int(value - f0))) }
                switch value {
                case KEY_UP: return .key(.up)
                case KEY_DOWN: return .key(.down)
                case KEY_LEFT: return .key(.left)
                case KEY_RIGHT: return .key(.right)
                case KEY_HOME: return .key(.home)
                case KEY_END: return .key(.end)
                case KEY_PPAGE: return .key(.pageUp)
                case KEY_NPAGE: return .key(.pageDown)
                case KEY_IC: return .key(.insert)
                case KEY_DC: return .key(.delete)
                case KEY_BTAB: return .key(.backTab)
                case KEY_BACKSPACE: return .key(.backspace)
                case KEY_ENTER: return .key(.enter)
                default: return nil
                }
            }
            switch value {
            case 9: return .key(.tab)
            case 10, 13: return .key(.enter)
            case 27: return .key(.escape)
            case 8, 127: return .key(.backspace)
            case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + value)))))
            default:
                guard value >= 32, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
                return .key(.character(Character(scalar)))
            }
        }
    }
}
