/// The reference data of one office's queue: what the central database holds and stations cache.
public struct QueueConfiguration: Hashable, Codable, Sendable {
    public var services: [Service]
    public var priorities: [PriorityCategory]
    public var priorityPolicy: PriorityPolicy
    public var profiles: [CounterProfile]
    public var counters: [Counter]
    public var rules: QueueRules

    enum CodingKeys: String, CodingKey {
        case services, priorities
        case priorityPolicy = "priority_policy"
        case profiles, counters, rules
    }

    public init(
        services: [Service], priorities: [PriorityCategory] = PriorityCategory.defaults,
        priorityPolicy: PriorityPolicy = PriorityPolicy(), profiles: [CounterProfile],
        counters: [Counter], rules: QueueRules = QueueRules()
    ) {
        self.services = services
        self.priorities = priorities
        self.priorityPolicy = priorityPolicy
        self.profiles = profiles
        self.counters = counters
        self.rules = rules
    }

    public func service(_ code: String) -> Service? { services.first { $0.code == code } }
    public func counter(_ number: Int) -> Counter? { counters.first { $0.number == number } }
    public func profile(_ code: String) -> CounterProfile? { profiles.first { $0.code == code } }
    public func priority(_ code: String) -> PriorityCategory? { priorities.first { $0.code == code } }

    /// Problems that make the configuration unusable, in Italian (empty when valid).
    public var validationProblems: [String] {
        var problems: [String] = services.compactMap(\.validationProblem)
        func duplicates<T: Hashable>(_ values: [T]) -> [T] {
            var seen: Set<T> = [], dup: [T] = []
            for v in values where !seen.insert(v).inserted { dup.append(v) }
            return dup
        }
        problems += duplicates(services.map(\.code)).map { "Servizio \($0) definito due volte" }
        problems += duplicates(profiles.map(\.code)).map { "Profilo \($0) definito due volte" }
        problems += duplicates(counters.map(\.number)).map { "Sportello \($0) definito due volte" }
        problems += duplicates(priorities.map(\.code)).map { "Categoria di priorità \($0) definita due volte" }
        problems += duplicates(rules.outcomes.map(\.code)).map { "Esito \($0) definito due volte" }
        for required in [OutcomeCode.nonPresentato, .annullato, .chiusoFineGiornata]
        where rules.outcome(required.code)?.setBy != .system {
            problems.append("Manca l'esito di sistema \(required.code) (\(required.name))")
        }
        if priorityPolicy.interleave < 1 {
            problems.append("Alternanza delle priorità non valida: \(priorityPolicy.interleave) (almeno 1)")
        }
        if let minutes = priorityPolicy.maxWaitMinutes, minutes < 1 {
            problems.append("Attesa massima non valida: \(minutes) minuti (almeno 1)")
        }
        if rules.recallsBeforeNoShow < 0 || rules.noShowReactivationMinutes < 0 {
            problems.append("Richiami o finestra di riattivazione negativi")
        }
        for profile in profiles {
            for code in profile.serviceCodes where service(code) == nil {
                problems.append("Il profilo \(profile.code) cita il servizio sconosciuto \(code)")
            }
        }
        for counter in counters {
            if counter.number < 1 { problems.append("Numero di sportello non valido: \(counter.number)") }
            if let code = counter.profileCode, profile(code) == nil {
                problems.append("Lo sportello \(counter.number) usa il profilo sconosciuto \(code)")
            }
        }
        return problems
    }
}
