import ChanceryIO

/// The site folder a command is given (`--root`, the working folder by default): it must exist and hold
/// `Content/` (made by `chancery import`). Build, serve and check ask before anything else, so that a
/// mistyped `--root` is named and nothing is created there (not even `.chancery/` with its lock), and a
/// folder that is no site is not built into an empty reading room.
public enum SiteRoot {
    /// Why `root` is no site folder, or nil when it is one.
    public static func problem(_ root: String) -> BuildError? {
        guard DiskIO.isDirectory(root) else {
            let what = DiskIO.exists(root) ? "is not a folder" : "does not exist"
            return BuildError(path: root, message: "the site folder \(root) \(what) (--root names the folder that holds Content/)")
        }
        guard DiskIO.isDirectory(root + "/Content") else {
            let option = root == "." ? "" : " --root \(root)"
            return BuildError(path: root == "." ? "Content" : root + "/Content",
                              message: "there is no Content/ folder in \(root == "." ? "the working folder" : root): "
                                + "import cables into it first (chancery import PATH…\(option)), or pass --root the folder that holds Content/")
        }
        return nil
    }
}
