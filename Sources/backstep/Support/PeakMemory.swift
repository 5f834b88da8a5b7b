import Foundation

/// The peak resident memory of this process's image, from Linux's /proc/self/status.
enum PeakMemory {
  /// VmHWM in kilobytes, or nil where /proc does not say.
  static func residentKilobytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    }
    return nil
  }
}
