/// Which build of chancery is running: its version and the size and time of its executable. What a run
/// leaves for the next one (the build cache's settings, the import record) is keyed on it, so that a new
/// build of the tool, whose parser or templates may differ, never trusts what an older one wrote.
public enum ToolIdentity {
    /// The released version.
    public static let version = "chancery 0.1"

    /// The running executable's stamp; nil where the system does not show it (`/proc/self/exe` is Linux's).
    public static let executable: DiskIO.Stamp? = DiskIO.stamp("/proc/self/exe")

    /// `chancery 0.1 55301272 1764784740123456789`: the version and the executable's size and time; nil
    /// when the executable cannot be told apart from another build of the same version.
    public static let current: String? = executable.map { "\(version) \($0.size) \($0.modified)" }
}
