import CruscottoModel

/// A central backend whose queue configuration can be replaced (`services import`): the model
/// validates it first; a configuration that drops a service with tickets still open today is
/// refused, on the embedded file and on PostgreSQL alike.
public protocol QueueConfigurationStore: QueueBackend {
    func replaceConfiguration(_ config: QueueConfiguration) async throws
}

extension SQLiteQueueBackend: QueueConfigurationStore {}
extension PostgresQueueBackend: QueueConfigurationStore {}
