using System.Collections;

namespace DlmsDevice.Firmware
{
    /// <summary>
    /// Reads a device's settings file: ASCII lines <c>key = value</c>, <c>#</c> starts a comment,
    /// blank lines are ignored (docs/esp32.md lists every key). A file with any error is not used
    /// at all: the device starts with the safe defaults (<see cref="FirmwareSettings"/>'s
    /// constructor: serial lines only, no radio) and the errors go to the debug output. Error
    /// messages name the line and the key, never the value of a secret. Configuration time only.
    /// </summary>
    public sealed class SettingsFile
    {
        private readonly ArrayList _errors = new ArrayList();
        private FirmwareSettings _settings;

        private SettingsFile()
        {
        }

        /// <summary>The settings to run with: the file's, or the safe defaults when it had errors or was missing.</summary>
        public FirmwareSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>True when the settings are the safe defaults because the file was missing or bad.</summary>
        public bool UsesSafeDefaults { get; private set; }

        /// <summary>What was wrong, one line each ("line 4: rs485.baud: ..."); empty when the file was good.</summary>
        public string[] Errors
        {
            get
            {
                string[] errors = new string[_errors.Count];
                for (int i = 0; i < errors.Length; i++)
                {
                    errors[i] = (string)_errors[i];
                }
                return errors;
            }
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="data"/>; null data = no file.
        /// </summary>
        public static SettingsFile Parse(byte[] data, int count)
        {
            SettingsFile file = new SettingsFile();
            if (data == null)
            {
                file._settings = new FirmwareSettings();
                file.UsesSafeDefaults = true;
                file._errors.Add("no settings file");
                return file;
            }
            FirmwareSettings parsed = new FirmwareSettings();
            SettingsReader reader = new SettingsReader(parsed, file._errors);
            reader.Read(data, count);
            if (file._errors.Count == 0)
            {
                SettingsValidator.Validate(parsed, file._errors);
            }
            if (file._errors.Count == 0)
            {
                file._settings = parsed;
            }
            else
            {
                file._settings = new FirmwareSettings();
                file.UsesSafeDefaults = true;
            }
            return file;
        }

        /// <summary>
        /// The lines for the debug output: the errors and, with them, that the safe defaults are
        /// used; then the settings in force (secrets masked).
        /// </summary>
        public string[] Report()
        {
            string[] settings = _settings.Describe();
            int extra = UsesSafeDefaults ? _errors.Count + 1 : 0;
            string[] lines = new string[extra + settings.Length];
            int p = 0;
            if (UsesSafeDefaults)
            {
                for (int i = 0; i < _errors.Count; i++)
                {
                    lines[p++] = "settings: " + (string)_errors[i];
                }
                lines[p++] = "settings: using the SAFE DEFAULTS: serial lines only (RS-485, optical), no radio, Green Book TEST KEYS";
            }
            for (int i = 0; i < settings.Length; i++)
            {
                lines[p++] = settings[i];
            }
            return lines;
        }
    }
}
