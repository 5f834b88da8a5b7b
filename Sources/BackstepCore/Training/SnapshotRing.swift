/// The state a step leaves behind: enough to replay anything after it.
struct Snapshot: Sendable {
  var step: Int
  var network: Network
  var optimizerState: OptimizerState
  var schedulePosition: Int
  var firstNonFinite: NonFiniteEvent?

  /// Bytes of parameters and optimizer buffers (the arrays' own headers are not counted).
  var byteCount: Int { network.parameterCount * 8 + optimizerState.byteCount }
}

/// The rewind history: the first snapshot, always, and after it one snapshot every `stride`
/// steps, the newest `capacity` of them. A step between two snapshots is reached by replaying
/// from the one before it, which the stepper does exactly, so keeping one step in `stride`
/// costs a few iterations of arithmetic on a rewind and saves `stride`× the memory.
///
/// `capacity` covers `limit` steps when the snapshots fit in `budgetBytes`; a large network
/// keeps fewer, so that run mode on any network stays within the budget.
struct SnapshotRing: Sendable {
  /// Steps between kept snapshots.
  static let stride = 10
  /// The most that the kept snapshots may hold: 32 MB.
  static let budgetBytes = 32 << 20

  /// Steps back that rewinding aims to reach.
  let limit: Int
  private(set) var capacity: Int
  private var initial: Snapshot?
  /// Kept snapshots, oldest first, from `head` on (the entries before it are dropped lazily).
  private var kept: [Snapshot] = []
  private var head = 0

  init(limit: Int) {
    self.limit = limit
    capacity = Self.capacity(limit: limit, snapshotBytes: 0)
  }

  /// Snapshots to keep besides the first: enough for `limit` steps, as the budget allows.
  static func capacity(limit: Int, snapshotBytes: Int) -> Int {
    let wanted = (max(1, limit) + stride - 1) / stride + 1
    return max(2, min(wanted, budgetBytes / max(1, snapshotBytes)))
  }

  /// Keeps `s` if it is the first or falls on the stride; older ones beyond capacity go.
  mutating func push(_ s: Snapshot) {
    guard let initial, s.step > initial.step else {
      initial = s
      capacity = Self.capacity(limit: limit, snapshotBytes: s.byteCount)
      return
    }
    guard (s.step - initial.step) % Self.stride == 0 else { return }
    kept.append(s)
    if kept.count - head > capacity { head += 1 }
    if head >= max(16, capacity / 4) {
      kept.removeFirst(head)
      head = 0
    }
  }

  /// The oldest step that can still be restored or replayed to.
  var oldestStep: Int { head == 0 ? (initial?.step ?? 0) : kept[head].step }

  /// The newest snapshot at or before `step` from which `step` can be replayed to: a kept
  /// one, or the first while nothing after it has been dropped (or when `step` is its own).
  func newest(atOrBefore step: Int) -> Snapshot? {
    guard let initial, step >= initial.step else { return nil }
    var lo = head, hi = kept.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if kept[mid].step <= step { lo = mid + 1 } else { hi = mid }
    }
    if lo > head { return kept[lo - 1] }
    return head == 0 || step == initial.step ? initial : nil
  }

  /// Forgets the snapshots of steps after `step` (they will be replayed).
  mutating func drop(after step: Int) {
    while kept.count > head, let last = kept.last, last.step > step { kept.removeLast() }
  }

  /// Bytes held by the kept snapshots' parameters and optimizer buffers.
  var byteCount: Int {
    kept[head...].reduce(initial?.byteCount ?? 0) { $0 + $1.byteCount }
  }
}
