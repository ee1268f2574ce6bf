import CruscottoModel
import Foundation

/// The report screen (`queue report --screen`, and the cruscotto's report for the
/// responsabile): one page per section of the report — summary, hour slots and weekdays,
/// services, counters and operators — with bar charts. Tab / Shift-Tab change page, arrows
/// and PgUp/PgDn scroll, F5 reloads, F1 help, F3 or Esc leave.
///
/// The report comes from `load`, run as an effect, so the screen never blocks on the store;
/// the first load is the `app.refresh` action, sent by whoever starts the screen.
public struct ReportProgram: AppProgram {
    public typealias State = ReportState
    public typealias Message = ReportMessage

    public static let screenName = "report"
    public static let pageCount = 4

    public let load: @Sendable () async throws -> QueueReport

    public init(load: @escaping @Sendable () async throws -> QueueReport) {
        self.load = load
    }

    public func screenName(of state: State) -> String { Self.screenName }

    public func enabledActions(in state: State) -> Set<String> {
        if state.showingHelp { return ["app.cancel", "app.help", "app.confirm", "app.exit"] }
        return ["app.help", "app.exit", "app.cancel", "app.refresh", "focus.next", "focus.previous",
                "list.up", "list.down", "list.page_up", "list.page_down"]
    }

    public func update(_ state: inout State, _ msg: AppMsg<Message>) -> [AppEffect<Message>] {
        switch msg {
        case let .action(action):
            return perform(action, &state)
        case .key, .tick:
            return []
        case let .resize(size):
            state.size = size
            state.scroll = min(state.scroll, maxScroll(state))
            return []
        case .terminate:
            return [.quit]
        case let .message(.loaded(report)):
            state.report = report
            state.loading = false
            state.scroll = min(state.scroll, maxScroll(state))
            state.message = .ok("Rapporto aggiornato (F5 per ricalcolarlo).")
            return []
        case let .message(.failed(text)):
            state.loading = false
            state.message = .error(text)
            return []
        }
    }

    private func perform(_ action: String, _ state: inout State) -> [AppEffect<Message>] {
        if state.showingHelp {
            state.showingHelp = false
            return action == "app.exit" ? [.quit] : []
        }
        let visible = max(1, ReportLayout(size: state.size).bodyRows)
        switch action {
        case "app.help": state.showingHelp = true
        case "app.exit", "app.cancel": return [.quit]
        case "app.refresh": return reload(&state)
        case "focus.next": state.page = (state.page + 1) % Self.pageCount; state.scroll = 0
        case "focus.previous": state.page = (state.page + Self.pageCount - 1) % Self.pageCount; state.scroll = 0
        case "list.up": state.scroll = max(0, state.scroll - 1)
        case "list.down": state.scroll = min(maxScroll(state), state.scroll + 1)
        case "list.page_up": state.scroll = max(0, state.scroll - visible)
        case "list.page_down": state.scroll = min(maxScroll(state), state.scroll + visible)
        default: break
        }
        return []
    }

    private func reload(_ state: inout State) -> [AppEffect<Message>] {
        state.loading = true
        state.message = .info("Calcolo del rapporto…")
        let load = self.load
        return [.run {
            do {
                return .loaded(try await load())
            } catch {
                return .failed("\(error)")
            }
        }]
    }

    func lines(_ state: State) -> [String] {
        guard let report = state.report else { return [] }
        let layout = ReportLayout(size: state.size)
        let sections = QueueReportText.sections(report, width: layout.body.width)
        return sections[min(state.page, sections.count - 1)].lines
    }

    func maxScroll(_ state: State) -> Int {
        max(0, lines(state).count - ReportLayout(size: state.size).bodyRows)
    }
}
