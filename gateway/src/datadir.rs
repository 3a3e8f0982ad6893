//! The data directory is private: the directory mode 0700 and every file the gateway creates in it 0600 (on Unix),
//! whatever the umask. SQLite gives its `-wal` and `-shm` files the mode of the database file, which is created
//! here first.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `dir` (mode 0700) or checks an existing one. An existing directory that others may read is made private
/// when it is empty or already the gateway's (it holds the cache key's secret or the queue's key); any other is
/// refused, so that a shared directory (`/tmp`, a home directory) is never changed behind the operator's back.
pub fn prepare(dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        return builder.create(dir);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            let ours = dir.join(crate::cachekey::SECRET_FILE).exists() || dir.join(crate::seal::KEY_FILE).exists();
            let empty = std::fs::read_dir(dir)?.next().is_none();
            if !(ours || empty) {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "{} is open to other users (mode {:o}): give the gateway a directory of its own, or chmod 700 it",
                        dir.display(),
                        mode & 0o777
                    ),
                ));
            }
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Opens `path` for writing, creating it with mode 0600 if it is missing (an existing file keeps its content; its
/// mode is made 0600).
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path)?;
    make_private(path)?;
    Ok(file)
}

/// Writes `bytes` to `path` whole: a new file (mode 0600) beside it, synced, then renamed over it.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

/// Makes an existing file mode 0600 (nothing on other systems).
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o777 != 0o600 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
