using System.IO;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>A state directory another process holds (<see cref="StateDirectoryLock"/>).</summary>
    public sealed class StateDirectoryInUseException : IOException
    {
        /// <summary>Creates the exception for <paramref name="directory"/>, held by process <paramref name="holderProcessId"/> (null: unknown).</summary>
        public StateDirectoryInUseException(string directory, int? holderProcessId)
            : base("the state directory " + directory + " is in use by "
                + (holderProcessId.HasValue ? "process " + holderProcessId.Value : "another process")
                + " (one meter per state directory)")
        {
            Directory = directory;
            HolderProcessId = holderProcessId;
        }

        /// <summary>The directory (full path).</summary>
        public string Directory { get; }

        /// <summary>The process holding it, as its pid file says; null when unknown.</summary>
        public int? HolderProcessId { get; }
    }
}
