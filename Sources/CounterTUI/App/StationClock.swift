// The domain's clock protocol under a name that does not collide with the standard
// library's `Clock` (and the `CruscottoModel` enum that shadows the module name).
import protocol CruscottoModel.Clock

public typealias StationClock = Clock
