//! Reading files that the user or another program controls (the config file, the reverse-DNS
//! cache): regular files only, opened without blocking (a FIFO would otherwise wait for a
//! writer), and read up to a byte bound (`/dev/zero` or a runaway file must not fill memory).

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading without blocking on a FIFO or a device.
pub fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a file that is not a regular file is, for messages: `a FIFO`, `a directory`, ...
#[must_use]
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    if meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some(if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    })
}

/// Reads at most `max` bytes of `file`; more is an error that says the bound.
pub fn read_at_most(file: File, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {}", crate::text::units::format_bytes(max)),
        ));
    }
    Ok(bytes)
}

/// [`open`], refuse anything but a regular file, then [`read_at_most`].
pub fn read_regular(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let file = open(path)?;
    if let Some(what) = not_regular(&file.metadata()?) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what}, not a regular file"),
        ));
    }
    read_at_most(file, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_regular_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, vec![b'x'; 100]).unwrap();
        assert_eq!(read_regular(&path, 100).unwrap().len(), 100);
        let err = read_regular(&path, 99).unwrap_err();
        assert!(err.to_string().contains("larger than 99 B"), "{err}");
        let err = read_regular(dir.path(), 100).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
        #[cfg(unix)]
        {
            let err = read_regular(Path::new("/dev/zero"), 100).unwrap_err();
            assert!(err.to_string().contains("a character device"), "{err}");
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
            // no writer: a blocking open would wait forever
            let err = read_regular(&fifo, 100).unwrap_err();
            assert!(err.to_string().contains("a FIFO"), "{err}");
        }
    }
}
