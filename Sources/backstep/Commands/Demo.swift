import ArgumentParser
import BackstepConfig
import BackstepCore
import BackstepUI
import CursesTerminal
import Foundation
import TermGrid

/// `backstep demo`: list, check, print and present lessons (docs/lessons.md).
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Present a lesson, or list, check or print the lessons.",
    discussion: """
      A lesson is a YAML file: a setup (the schema of --config), then steps, each with the keys \
      to press or a run to a point, a caption with live values and claims about the run \
      (docs/lessons.md). In presenter mode PgDn or → plays the next step, PgUp or ← goes back \
      one, and every other key works as in the visualizer. A name is looked for in --dir and \
      then in demos/.

      Exit status of --check: 0 when every claim holds, 1 when one fails, 2 for a malformed file.

      Examples:
        backstep demo --list
        backstep demo vanishing
        backstep demo demos/07-exploding.yaml --autoplay --delay 3
        backstep demo --check demos/*.yaml
        backstep demo forward-pass --frames handout --color 256
      """)

  @Argument(help: ArgumentHelp("Lesson files, or names of lessons in --dir or demos/.", valueName: "lesson"))
  var lessons: [String] = []

  @Flag(name: .long, help: "List the lessons of demos/ and --dir in teaching order: name, title and number of steps.")
  var list = false

  @Flag(name: .long, help: "Play each lesson headless to its end and check every caption and claim.")
  var check = false

  @Option(name: .long, help: ArgumentHelp("A directory of lessons, looked in before demos/.", valueName: "dir"))
  var dir: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Play headless and write each step's frame into this directory; a caption the panel cuts is named on stderr.", valueName: "dir"))
  var frames: String?

  @Option(name: .long, help: ArgumentHelp("Frame size for --frames, in columns and rows.", valueName: "WxH"))
  var size: String = "120x36"

  @Option(name: .long, help: ArgumentHelp("With --frames, also write ANSI frames in these colours: 8, 16, 256 or truecolor.", valueName: "level"))
  var color: String = "none"

  @Flag(name: .long, help: "Present the lesson playing by itself, a step every --delay seconds, and end after the last.")
  var autoplay = false

  @Option(name: .long, help: ArgumentHelp("Seconds between steps with --autoplay.", valueName: "s"))
  var delay: Double = 4

  @OptionGroup(title: "Recording") var recording: RecordOptions

  func validate() throws {
    let modes = [list, check, frames != nil].filter { $0 }.count
    if modes > 1 { throw ValidationError("--list, --check and --frames are separate tasks; give one") }
    if !list && lessons.isEmpty { throw ValidationError("name a lesson (backstep demo --list shows them)") }
    if !check && !list && lessons.count > 1 { throw ValidationError("present or print one lesson at a time; --check takes several") }
    if !(delay > 0 && delay.isFinite) { throw ValidationError("--delay must be a number of seconds > 0") }
  }

  func run() throws {
    if list { return try listLessons() }
    if check { throw ExitCode(checkLessons()) }
    let path: String
    do { path = try LessonPaths.find(lessons[0], dir: dir) } catch { throw ExitCode(Failure.message("backstep: \(error)", status: ExitStatus.usage)) }
    let lesson = try Self.load(path)
    if let frames {
      return try LessonFrames(size: Render.parseSize(size), level: Render.parseColor(color)).write(lesson, name: LessonPaths.name(path), to: frames)
    }
    try recording.play(AppState(lesson: lesson, autoplayDelay: autoplay ? delay : nil))
  }

  /// A lesson file read with the key map's names; a malformed one ends the program with status 2.
  static func load(_ path: String) throws -> Lesson {
    do { return try LessonFile.load(path: path, keyNames: KeyMap.keyNames) } catch let e as FileError where e.kind == .malformed {
      throw ExitCode(Failure.message("backstep: \(e)", status: ExitStatus.usage))
    }
  }

  func listLessons() throws {
    var lines: [String] = []
    let paths = LessonPaths.all(dir: dir)
    if paths.isEmpty {
      Console.error("no lessons in \(LessonPaths.directories(dir).joined(separator: " or ")); run from the project's directory, or give --dir DIR")
      return
    }
    let width = paths.map { LessonPaths.name($0).count }.max() ?? 0
    for path in paths {
      let name = LessonPaths.name(path)
      do {
        let lesson = try LessonFile.load(path: path, keyNames: KeyMap.keyNames)
        lines.append("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(lesson.title)  (\(lesson.steps.count) steps)")
      } catch {
        lines.append("\(name)  (unreadable: \(error))")
      }
    }
    try Console.out(lines.joined(separator: "\n"))
  }

  /// Plays every lesson; returns the exit status: 2 if one is malformed, else 1 if a claim failed.
  func checkLessons() -> Int32 {
    var status: Int32 = 0
    for name in lessons {
      let path: String
      let lesson: Lesson
      do {
        path = try LessonPaths.find(name, dir: dir)
        lesson = try LessonFile.load(path: path, keyNames: KeyMap.keyNames)
      } catch {
        _ = Failure.message("backstep: \(error)", status: 2)
        status = 2
        continue
      }
      do {
        let problems = try LessonCheck.play(lesson)
        for p in problems { _ = Failure.message("\(path):\(p.line): step \(p.step): \(p.message)", status: 1) }
        if problems.isEmpty { _ = try? Console.out("\(path): \(lesson.steps.count) steps, every caption and claim holds") }
        if !problems.isEmpty && status == 0 { status = 1 }
      } catch {
        _ = Failure.message("backstep: \(path): \(error)", status: 2)
        status = 2
      }
    }
    return status
  }
}

/// Plays a lesson headless, step after step, as presenter mode would.
enum LessonCheck {
  /// Every problem of every step, in order.
  static func play(_ lesson: Lesson) throws -> [LessonProblem] {
    var state = try AppState(lesson: lesson)
    var problems: [LessonProblem] = []
    while let player = state.lesson, !player.isAtEnd {
      state.playNextLessonStep()
      problems += state.lesson?.problems ?? []
    }
    return problems
  }
}
