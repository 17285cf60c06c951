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

    /// Sets the allocator for the work every command does, then parses the arguments and runs the command.
    static func main() {
        AllocatorSettings.apply()
        main(nil)
    }
}
