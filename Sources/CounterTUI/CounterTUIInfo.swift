import LocalStore
public enum CounterTUIInfo { public static let name = LocalStoreInfo.name }
