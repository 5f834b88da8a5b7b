import ArgumentParser
import BackstepCore

/// The root command: `backstep` alone opens the visualizer.
struct Backstep: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backstep",
    abstract: "Step a small neural network through backpropagation, one stage at a time.",
    discussion: """
      With no command, backstep opens the visualizer in this terminal: each press of space \
      runs one stage (forward through a layer, the loss, backward through a layer, or the \
      update), and the screen shows what it computed.

      Examples:
        backstep                                  a 2-4-4-1 tanh network on the circle
        backstep --dataset spiral --layers 8,8,8 --activation relu
        backstep train --steps 2000 --save net.json
        backstep trace --model net.json --data points.csv --steps 3 --out trace.jsonl
        backstep check --layers 5,5 --activation elu
        backstep render --size 120x36 --stages 5
        backstep demo vanishing                   a lesson: PgDn plays its next step
      """,
    version: BackstepVersion.string,
    subcommands: [View.self, Train.self, Trace.self, Check.self, Render.self, Demo.self, Bench.self],
    defaultSubcommand: View.self
  )
}

enum BackstepVersion {
  static let string = "0.1.0"
}
