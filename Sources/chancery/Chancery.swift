import ArgumentParser
import ChanceryIO

@main
struct Chancery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "Static reading rooms for diplomatic cables.",
        version: ToolIdentity.version,
        subcommands: [ImportCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, InspectCommand.self]
    )
}
