using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using DlmsDevice.MeterDefinitions.Building;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.MeterDefinitions.Reading;
using DlmsDevice.Stack.Acse;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>
    /// Association LN (IC 15): an association (client SAP, mechanism, secret, context,
    /// conformance, security setup), or, without an "association" block, the current
    /// association 0.0.40.0.0.255 (whichever association asks).
    /// </summary>
    internal sealed class AssociationKind : ObjectKind
    {
        private static readonly string[] s_properties = { "association" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            bool current = obj.LogicalNameText == "0.0.40.0.0.255";
            if (!element.TryGetProperty("association", out JsonElement a) || a.ValueKind != JsonValueKind.Object)
            {
                if (!current)
                {
                    reader.Error(obj.Path, "an association needs \"association\" (its client SAP, mechanism, ...); only 0.0.40.0.0.255, the current association, has none");
                }
                return;
            }
            if (current)
            {
                reader.Error(obj.Path + "/association", "0.0.40.0.0.255 is the current association (Blue Book IC 15): it serves whichever association asks and takes no settings");
                return;
            }
            string path = obj.Path + "/association";
            string mechanism = DefinitionReader.String(a, "authentication", path) ?? "none";
            var association = new AssociationDefinition
            {
                ClientSap = DefinitionReader.Int(a, "clientSap") ?? 0,
                Mechanism = Constant<byte>(typeof(MechanismName), mechanism) ?? 0,
                Ciphering = DefinitionReader.Bool(a, "ciphering") ?? false,
            };
            association.MaxSecretLength = DefinitionReader.Int(a, "maxSecretLength") ?? (association.Mechanism == MechanismName.None ? 0 : 64);
            association.Secret = reader.Secret(DefinitionReader.String(a, "secret", path), path + "/secret");
            if (association.Mechanism == MechanismName.Lls && DefinitionReader.String(a, "secret", path) == null)
            {
                reader.Error(path, "an LLS association names the secret holding its password");
            }
            if (association.Secret != null && association.Secret.Kind == SecretKind.TestKey)
            {
                reader.Error(path + "/secret", "a password is not a test key (\"" + association.Secret.Name + "\")");
            }
            if (association.Secret?.Kind == SecretKind.Inline && association.Secret.Value.Length > association.MaxSecretLength)
            {
                reader.Error(path + "/secret", "the secret is " + association.Secret.Value.Length + " characters, more than maxSecretLength " + association.MaxSecretLength);
            }
            if (a.TryGetProperty("conformance", out JsonElement conformance) && conformance.ValueKind == JsonValueKind.Array)
            {
                association.Conformance.AddRange(conformance.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
            }
            else
            {
                association.Conformance.Add("server-supported-ln");
            }
            obj.Association = association;
        }

        internal override void Resolve(JsonElement element, ObjectDefinition obj, LogicalDeviceDefinition device, DefinitionReader reader)
        {
            AssociationDefinition? association = obj.Association;
            if (association == null || !element.TryGetProperty("association", out JsonElement a))
            {
                return;
            }
            string path = obj.Path + "/association";
            string? setup = DefinitionReader.String(a, "securitySetup", path);
            obj.SecuritySetup = reader.Reference(device, setup, path + "/securitySetup");
            if (obj.SecuritySetup != null && obj.SecuritySetup.Class.Id != 64)
            {
                reader.Error(path + "/securitySetup", "\"" + setup + "\" is not a security setup (class 64)");
                obj.SecuritySetup = null;
            }
            if (association.Ciphering && setup == null)
            {
                reader.Error(path, "a ciphered association names its securitySetup (the keys and counters it uses)");
            }
            if (!association.Ciphering && setup != null)
            {
                reader.Error(path + "/securitySetup", "only a ciphered association (\"ciphering\": true) uses a security setup");
            }
            if (association.Mechanism == MechanismName.HlsGmac && !association.Ciphering)
            {
                reader.Error(path + "/authentication", "HLS-GMAC (mechanism 5) authenticates with the security setup's keys: the association must be ciphered");
            }
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            AssociationDefinition? a = obj.Association;
            if (a == null)
            {
                plan.Target.CurrentAssociation(plan.Variable(obj));
                return;
            }
            int conformance = a.Conformance.Aggregate(0, (bits, name) => bits | (Constant<int>(typeof(Conformance), name) ?? 0));
            SecretUse? secret = a.Secret == null ? null : Secrets.Use(a.Secret);
            plan.Target.Association(plan.Variable(obj), plan.DeviceOf(obj), obj.LogicalName, a.ClientSap, a.Mechanism, MechanismFieldName(a.Mechanism), secret,
                a.MaxSecretLength, a.Ciphering, conformance, a.Conformance.Select(n => CosemClassInfo.Pascal(n.Replace('-', '_'))).ToList(),
                obj.SecuritySetup == null ? null : plan.Variable(obj.SecuritySetup), plan.ObjectListSize(obj));
        }

        /// <summary>The value of the public constant of <paramref name="type"/> named like <paramref name="name"/> ("hls-gmac" -> HlsGmac).</summary>
        internal static T? Constant<T>(Type type, string name)
            where T : struct
        {
            FieldInfo? field = type.GetField(CosemClassInfo.Pascal(name.Replace('-', '_')), BindingFlags.Public | BindingFlags.Static);
            return field?.GetValue(null) is T value ? value : null;
        }

        private static string MechanismFieldName(byte mechanism)
        {
            return typeof(MechanismName).GetFields(BindingFlags.Public | BindingFlags.Static)
                .First(f => f.FieldType == typeof(byte) && (byte)f.GetValue(null)! == mechanism && f.Name != "Highest").Name;
        }
    }

    /// <summary>Security setup (IC 64, suite 0): policy, the secrets holding its keys, the system title.</summary>
    internal sealed class SecuritySetupKind : ObjectKind
    {
        private static readonly string[] s_properties = { "security" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            if (!element.TryGetProperty("security", out JsonElement s) || s.ValueKind != JsonValueKind.Object)
            {
                reader.Error(obj.Path, "a security setup needs \"security\": its policy and the secrets holding its keys");
                return;
            }
            string path = obj.Path + "/security";
            var security = new SecurityDefinition
            {
                Policy = (DefinitionReader.String(s, "policy", path) ?? "authenticated-encrypted") switch
                {
                    "nothing" => 0,
                    "authenticated" => 1,
                    "encrypted" => 2,
                    _ => 3,
                },
                AuthenticationKey = Key(s, "authenticationKey", path, reader),
                EncryptionKey = Key(s, "encryptionKey", path, reader),
                MasterKey = Key(s, "masterKey", path, reader),
            };
            string? title = DefinitionReader.String(s, "systemTitle", path);
            if (title != null && title.Length == 16 && title.All(Uri.IsHexDigit))
            {
                security.SystemTitle = Convert.FromHexString(title);
            }
            obj.Security = security;
            if (reader.Definition.LogicalDevices.Any(d => d.Objects.Any(o => o.Class.Id == 64)))
            {
                reader.Error(obj.Path, "a second security setup: the meter keeps the invocation counters of one (its record layout holds one set)");
            }
        }

        private static SecretDefinition? Key(JsonElement s, string property, string path, DefinitionReader reader)
        {
            SecretDefinition? secret = reader.Secret(DefinitionReader.String(s, property, path), path + "/" + property);
            if (secret?.Kind == SecretKind.Inline && (secret.Value.Length != 32 || !secret.Value.All(Uri.IsHexDigit)))
            {
                reader.Error(secret.Path + "/inline", "a key is 16 bytes: 32 hex digits");
            }
            return secret;
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            SecurityDefinition s = obj.Security!;
            string policyName = s.Policy switch
            {
                0 => "Nothing",
                1 => "AllMessagesAuthenticated",
                2 => "AllMessagesEncrypted",
                _ => "AllMessagesAuthenticatedAndEncrypted",
            };
            plan.Target.SecuritySetup(plan.Variable(obj), obj.LogicalName, s.Policy, policyName,
                Secrets.Use(s.AuthenticationKey!), Secrets.Use(s.EncryptionKey!), Secrets.Use(s.MasterKey!), s.SystemTitle);
        }
    }

    /// <summary>SAP assignment (IC 17): lists the logical devices.</summary>
    internal sealed class SapAssignmentKind : ObjectKind
    {
        public override IReadOnlyList<string> Properties => Array.Empty<string>();

        internal override void Create(ObjectDefinition obj, ModelPlan plan) => plan.Target.SapAssignment(plan.Variable(obj), obj.LogicalName);
    }

    /// <summary>IEC HDLC setup (IC 23): shows the link settings (definition "link.hdlc"), which the HDLC links use.</summary>
    internal sealed class HdlcSetupKind : ObjectKind
    {
        public override IReadOnlyList<string> Properties => Array.Empty<string>();

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            OnlyOne(obj, reader);
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            LinkDefinition l = plan.Definition.Link;
            plan.Target.IecHdlcSetup(plan.Variable(obj), obj.LogicalName, l.WindowTransmit, l.WindowReceive, l.MaxInfoTransmit, l.MaxInfoReceive);
        }

        internal static void OnlyOne(ObjectDefinition obj, DefinitionReader reader)
        {
            if (reader.Definition.LogicalDevices.Any(d => d.Objects.Any(o => o.Class.Id == obj.Class.Id)))
            {
                reader.Error(obj.Path, "a second " + obj.Class.Name + " object: it shows the meter's link settings, which are one");
            }
        }
    }

    /// <summary>TCP-UDP setup (IC 41): shows the wrapper settings (definition "link.wrapper").</summary>
    internal sealed class TcpUdpSetupKind : ObjectKind
    {
        public override IReadOnlyList<string> Properties => Array.Empty<string>();

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            HdlcSetupKind.OnlyOne(obj, reader);
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan) => plan.Target.TcpUdpSetup(plan.Variable(obj), obj.LogicalName);
    }

    /// <summary>How a secret reaches the builder: by name, with a test key or inline value as what to use when the host supplies none.</summary>
    internal static class Secrets
    {
        public static SecretUse Use(SecretDefinition secret)
        {
            return secret.Kind switch
            {
                SecretKind.TestKey => new SecretUse(secret.Name, secret.Value switch
                {
                    "green-book-authentication-key" => "TestAuthenticationKey",
                    "green-book-encryption-key" => "TestBlockCipherKey",
                    _ => "TestMasterKey",
                }, null),
                SecretKind.Inline => new SecretUse(secret.Name, null, secret.Value),
                _ => new SecretUse(secret.Name, null, null),
            };
        }

        /// <summary>Hex digits to bytes (a key file or variable may hold spaces between the bytes).</summary>
        public static byte[]? Hex(string text)
        {
            string digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            return digits.Length % 2 == 0 && digits.All(Uri.IsHexDigit) ? Convert.FromHexString(digits) : null;
        }

        /// <summary>The invariant text of a number (for messages).</summary>
        public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
