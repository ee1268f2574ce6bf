/// The cruscotto's panels in focus order (Tab goes round them).
public enum CruscottoPanelID: Hashable, Sendable, CaseIterable {
    case queue, citizen, service, worklist
}
