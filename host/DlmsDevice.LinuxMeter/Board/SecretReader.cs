using System;
using System.Collections.Generic;
using System.IO;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// Reads the secrets a board file references (a file, e.g. one systemd's LoadCredential=
    /// provides, or an environment variable). Problems name the field and the reason, never the
    /// value; a value is never logged.
    /// </summary>
    public static class SecretReader
    {
        /// <summary>Reads every secret <paramref name="meter"/> references; null with the problems in <paramref name="errors"/>.</summary>
        public static MeterSecrets? Resolve(MeterSection meter, List<string> errors)
        {
            int before = errors.Count;
            MeterSecrets secrets = new MeterSecrets
            {
                Password = meter.Password != null ? ReadPassword(meter.Password, errors) : null,
                AuthenticationKey = meter.AuthenticationKey != null ? ReadKey(meter.AuthenticationKey, errors) : null,
                EncryptionKey = meter.EncryptionKey != null ? ReadKey(meter.EncryptionKey, errors) : null,
                MasterKey = meter.MasterKey != null ? ReadKey(meter.MasterKey, errors) : null,
            };
            return errors.Count == before ? secrets : null;
        }

        /// <summary>A 16-byte key given as 32 hex digits (surrounding white space ignored); null with an error in <paramref name="errors"/>.</summary>
        public static byte[]? ReadKey(SecretReference reference, List<string> errors)
        {
            string? text = ReadText(reference, errors);
            if (text == null)
            {
                return null;
            }
            byte[]? key = BoardFileReader.ParseHex(text, 16);
            if (key == null)
            {
                errors.Add(reference.Field + ": the " + reference + " must hold 32 hex digits (a 16-byte key)");
            }
            return key;
        }

        /// <summary>A password (1..64 characters; a final line break is dropped); null with an error in <paramref name="errors"/>.</summary>
        public static string? ReadPassword(SecretReference reference, List<string> errors)
        {
            string? text = ReadText(reference, errors);
            if (text == null)
            {
                return null;
            }
            string password = text.TrimEnd('\r', '\n');
            if (password.Length < 1 || password.Length > 64)
            {
                errors.Add(reference.Field + ": the " + reference + " must hold 1 to 64 characters");
                return null;
            }
            return password;
        }

        private static string? ReadText(SecretReference reference, List<string> errors)
        {
            if (reference.Environment != null)
            {
                string? value = Environment.GetEnvironmentVariable(reference.Environment);
                if (string.IsNullOrEmpty(value))
                {
                    errors.Add(reference.Field + ": the environment variable " + reference.Environment + " is not set");
                    return null;
                }
                return value;
            }
            try
            {
                return File.ReadAllText(reference.File!);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                errors.Add(reference.Field + ": " + reference.File + " cannot be read: missing");
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add(reference.Field + ": " + reference.File + " cannot be read: permission denied");
            }
            catch (IOException e)
            {
                errors.Add(reference.Field + ": " + reference.File + " cannot be read: " + e.Message);
            }
            return null;
        }
    }
}
