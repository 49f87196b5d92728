// Reference declarations (never shipped, never run): System.IO.FileSystem 1.1
// (nanoFramework.System.IO.FileSystem): files on the drives of the device (I:\ internal flash).
// Bodies only throw.
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public static class File
    {
        public static bool Exists(string path)
        {
            throw new PlatformNotSupportedException();
        }

        public static void Delete(string path)
        {
            throw new PlatformNotSupportedException();
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw new PlatformNotSupportedException();
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            throw new PlatformNotSupportedException();
        }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access)
        {
            throw new PlatformNotSupportedException();
        }

        public override bool CanRead
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override bool CanSeek
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override bool CanWrite
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override long Length
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public override long Position
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public override void Flush()
        {
            throw new PlatformNotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw new PlatformNotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new PlatformNotSupportedException();
        }

        public override void SetLength(long value)
        {
            throw new PlatformNotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new PlatformNotSupportedException();
        }
    }
}
