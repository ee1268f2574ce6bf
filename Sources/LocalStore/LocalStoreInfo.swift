import CruscottoModel
public enum LocalStoreInfo { public static let name = CruscottoModel.name }
