using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// The objects that make the meter act on its own, added after the objects of
    /// meters/default.json (their rows follow its rows in every object list): billing
    /// (the billing profile, its counter and time, the end-of-billing script table and schedule),
    /// the tariffs (TariffModel.cs), the register monitors with their event scripts, the limiter
    /// with the disconnect control scripts, and the push script table and schedule. Which of
    /// them exist: <see cref="MeterConfiguration.BillingProfileEntries"/>,
    /// <see cref="MeterConfiguration.Tariffs"/>, <see cref="DefaultMeterModelSettings.RegisterMonitors"/>,
    /// <see cref="DefaultMeterModelSettings.Limiter"/>, <see cref="DefaultMeterModelSettings.PushSchedule"/>.
    /// docs/billing-and-tariffs.md lists every object, its default and its rights.
    /// </content>
    public sealed partial class DefaultMeterModel
    {
        // Blue Book class_id of Push setup: the push setup object itself is another part of the meter.
        private const ushort PushSetupClassId = 40;

        // The parameter of methods that take "data ::= integer (0)".
        private static readonly byte[] s_integer0 = { (byte)DataType.Integer, 0 };

        /// <summary>Script table 0.0.10.0.1.255 (MDI reset / end of billing period); null without a billing profile.</summary>
        public ScriptTable EndOfBillingScripts { get; private set; }

        /// <summary>Single action schedule 0.0.15.0.0.255 (end of billing period: the 1st of every month, 00:00); null without a billing profile.</summary>
        public SingleActionSchedule EndOfBillingSchedule { get; private set; }

        /// <summary>Script table 0.0.10.0.128.255: scripts that log an event (script id = event code); null without register monitors.</summary>
        public ScriptTable EventScripts { get; private set; }

        /// <summary>Register monitor of current L1 0.0.16.0.0.255; null without monitors or a current channel.</summary>
        public RegisterMonitor CurrentMonitor { get; private set; }

        /// <summary>Register monitor of active power import 0.0.16.0.1.255; null without monitors.</summary>
        public RegisterMonitor PowerMonitor { get; private set; }

        /// <summary>Register monitor of voltage L1 0.0.16.0.2.255 (swell); null without monitors or a voltage channel.</summary>
        public RegisterMonitor VoltageMonitor { get; private set; }

        /// <summary>Script table 0.0.10.0.106.255 (disconnect control: 1 disconnect, 2 reconnect); null without the limiter.</summary>
        public ScriptTable DisconnectScripts { get; private set; }

        /// <summary>Limiter 0.0.17.0.0.255 on active power import; null without it.</summary>
        public Limiter Limiter { get; private set; }

        /// <summary>Script table 0.0.10.0.108.255 (push: script 1 invokes push of 0.0.25.9.0.255); null without the push schedule.</summary>
        public ScriptTable PushScripts { get; private set; }

        /// <summary>Single action schedule 0.0.15.0.4.255 (push every hour at minute 0); null without it.</summary>
        public SingleActionSchedule PushSchedule { get; private set; }

        // One row of the rights table: the object in the directory, then its rights in the
        // object_list of clients 16, 32 and 48 (null: not listed there); nothing for null (a
        // feature the configuration leaves out). The object lists grow as needed (configuration time).
        private void Row(CosemObject obj, AccessRule forPublic, AccessRule forMeterReader, AccessRule forManagement)
        {
            if (obj == null)
            {
                return;
            }
            if (Device.Find(obj.ClassId, obj.LogicalName) == null)
            {
                Device.Add(obj);
            }
            Cell(PublicAssociation, forPublic, obj);
            Cell(MeterReaderAssociation, forMeterReader, obj);
            Cell(ManagementAssociation, forManagement, obj);
        }

        private static void Cell(AssociationLogicalName association, AccessRule rule, CosemObject obj)
        {
            if (association != null && rule != null)
            {
                rule.AddTo(association.Objects, obj);
            }
        }

        private void AddAutomationObjects(MeterConfiguration configuration, DefaultMeterModelSettings settings)
        {
            MeterAutomation automation = Engine.Automation;
            ScriptRunner runner = automation.Runner;
            AccessRule read = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess);
            AccessRule configurable = new AccessRule(AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest,
                MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest);
            AccessRule executable = new AccessRule(AttributeAccess.Read, MethodAccess.Access);

            if (Engine.BillingProfile != null)
            {
                AddBilling(automation, runner, read, configurable, executable);
            }
            if (Engine.TariffCount > 0)
            {
                AddTariffs(automation, runner, read, configurable);
            }
            if (settings.RegisterMonitors)
            {
                AddMonitors(configuration, automation, runner, read, configurable);
            }
            if (settings.Limiter)
            {
                AddLimiter(settings, automation, runner, read, configurable);
            }
            if (settings.PushSchedule)
            {
                AddPush(automation, runner, read, configurable);
            }
            // Scripts act on any object of the logical device.
            runner.Objects = Device.Objects;
        }

        // The billing objects; the end-of-billing script captures the billing profile and resets
        // every maximum demand; the schedule runs it on the 1st of every month at 00:00 local time.
        private void AddBilling(MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable, AccessRule executable)
        {
            MeterEngine e = Engine;
            EndOfBillingScripts = new ScriptTable(ScheduleObis.EndOfBillingScriptTable, 128, runner);
            EndOfBillingScripts.AddAction(1, ScriptRunner.ExecuteMethod, CosemClassId.ProfileGeneric, ScheduleObis.BillingProfile,
                ProfileGeneric.Methods.Capture, s_integer0);
            EndOfBillingScripts.AddAction(1, ScriptRunner.ExecuteMethod, CosemClassId.ExtendedRegister, MeterObis.MaximumDemandImport,
                ExtendedRegister.Methods.Reset, s_integer0);
            for (int t = 0; t < e.TariffCount; t++)
            {
                EndOfBillingScripts.AddAction(1, ScriptRunner.ExecuteMethod, CosemClassId.ExtendedRegister,
                    e.GetTariffMaximumDemand(t).LogicalName, CompactExtendedRegister.Methods.Reset, s_integer0);
            }
            EndOfBillingSchedule = new SingleActionSchedule(ScheduleObis.EndOfBillingSchedule, ScheduleObis.EndOfBillingScriptTable, 1, 4);
            // 00:00:00 on day 1 of every month of every year, any weekday.
            EndOfBillingSchedule.Add(1, new byte[] { 0, 0, 0, 0 }, new byte[] { 0xFF, 0xFF, 0xFF, 1, 0xFF });
            automation.Add(EndOfBillingSchedule);
            automation.Persist(EndOfBillingScripts);
            automation.Persist(EndOfBillingSchedule);

            // The meter reader may close a billing period by hand (execute), as it may reset MD.
            //  object                        public (16)   meter reader (32)  management (48)
            Row(e.BillingPeriodCounter,       read,         read,              read);
            Row(e.LastBillingTime,            read,         read,              read);
            Row(e.BillingProfile,             read,         read,              read);
            Row(EndOfBillingScripts,          read,         executable,        configurable);
            Row(EndOfBillingSchedule,         read,         read,              configurable);
        }

        // Scripts that log an event: write the event code, capture the event log (script id =
        // the code). The monitors watch current, power and voltage: crossing up logs one code,
        // crossing down the next.
        private void AddMonitors(MeterConfiguration configuration, MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable)
        {
            MeterEngine e = Engine;
            EventScripts = new ScriptTable(ScheduleObis.EventScriptTable, 192, runner);
            for (byte code = MeterEventCode.OverCurrentL1; code <= MeterEventCode.VoltageSwellL1Ended; code++)
            {
                EventScripts.AddAction(code, ScriptRunner.WriteAttribute, CosemClassId.Data, MeterObis.EventCode, Data.Attributes.Value,
                    new byte[] { (byte)DataType.Unsigned, code });
                EventScripts.AddAction(code, ScriptRunner.ExecuteMethod, CosemClassId.ProfileGeneric, MeterObis.StandardEventLog,
                    ProfileGeneric.Methods.Capture, s_integer0);
            }
            automation.Persist(EventScripts);
            Row(EventScripts, read, read, configurable);

            if (e.Current != null)
            {
                // 60 A, in the register's units.
                CurrentMonitor = Monitor(ScheduleObis.CurrentMonitor, MeterObis.CurrentL1, DataType.LongUnsigned,
                    Scaled(60, configuration.Current.Scaler), MeterEventCode.OverCurrentL1, MeterAlarm.OverCurrent, automation, runner, read, configurable);
            }
            PowerMonitor = Monitor(ScheduleObis.PowerMonitor, MeterObis.ActivePowerImport, DataType.DoubleLongUnsigned,
                8000, MeterEventCode.OverPower, MeterAlarm.OverPower, automation, runner, read, configurable);
            if (e.Voltage != null)
            {
                // A swell: 115 % of nominal (the engine's own over-voltage event is at +10 %).
                VoltageMonitor = Monitor(ScheduleObis.VoltageMonitor, MeterObis.VoltageL1, DataType.LongUnsigned,
                    Scaled(configuration.NominalVoltage * 1.15, configuration.Voltage.Scaler), MeterEventCode.VoltageSwellL1,
                    MeterAlarm.OverVoltage, automation, runner, read, configurable);
            }
        }

        // The actions of a crossing upwards are "event, alarm bit, push": the up script logs the
        // event, the automation raises 'alarm' after it, and the alert push (when there is a push
        // setup) sends the alarm register.
        private RegisterMonitor Monitor(ObisCode name, ObisCode watched, DataType type, double threshold, byte upCode, uint alarm,
            MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable)
        {
            RegisterMonitor monitor = new RegisterMonitor(name, 2, runner);
            monitor.Monitor(CosemClassId.Register, watched, Register.Attributes.Value);
            monitor.Add(type, threshold, ScheduleObis.EventScriptTable, upCode, ScheduleObis.EventScriptTable, upCode + 1);
            automation.Add(monitor, alarm);
            automation.Persist(monitor);
            Row(monitor, read, read, configurable);
            return monitor;
        }

        // The limiter on active power import opens the supply through the disconnect control
        // script table (script 1: remote_disconnect; script 2: remote_reconnect): scripts act
        // through the object's methods, so these are the remote transitions of the control mode.
        private void AddLimiter(DefaultMeterModelSettings settings, MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable)
        {
            DisconnectScripts = new ScriptTable(ScheduleObis.DisconnectScriptTable, 48, runner);
            DisconnectScripts.AddAction(1, ScriptRunner.ExecuteMethod, CosemClassId.DisconnectControl, MeterObis.DisconnectControl,
                DisconnectControl.Methods.RemoteDisconnect, s_integer0);
            DisconnectScripts.AddAction(2, ScriptRunner.ExecuteMethod, CosemClassId.DisconnectControl, MeterObis.DisconnectControl,
                DisconnectControl.Methods.RemoteReconnect, s_integer0);
            Limiter = new Limiter(ScheduleObis.Limiter, runner);
            Limiter.Configure(CosemClassId.Register, MeterObis.ActivePowerImport, Register.Attributes.Value, DataType.DoubleLongUnsigned,
                settings.LimiterThresholdWatts, settings.LimiterEmergencyThresholdWatts,
                (uint)settings.LimiterMinOverSeconds, (uint)settings.LimiterMinUnderSeconds);
            Limiter.SetActions(ScheduleObis.DisconnectScriptTable, 1, ScheduleObis.DisconnectScriptTable, 2);
            automation.Limiter = Limiter;
            automation.Persist(DisconnectScripts);
            automation.Persist(Limiter);
            AccessRule limiter = new AccessRule(AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest, MethodAccess.NoAccess)
                .Attribute(Limiter.Attributes.ThresholdActive, AttributeAccess.Read)
                .Attribute(Limiter.Attributes.EmergencyProfileActive, AttributeAccess.Read);
            Row(DisconnectScripts, read, read, configurable);
            Row(Limiter, read, read, limiter);
        }

        // Script 1 invokes push (method 1) of the push setup 0.0.25.9.0.255; the schedule runs it
        // every hour at minute 0 (an hour wildcard: docs/billing-and-tariffs.md).
        private void AddPush(MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable)
        {
            PushScripts = new ScriptTable(ScheduleObis.PushScriptTable, 32, runner);
            PushScripts.AddAction(1, ScriptRunner.ExecuteMethod, PushSetupClassId, ScheduleObis.PushSetup, 1, s_integer0);
            PushSchedule = new SingleActionSchedule(ScheduleObis.PushSchedule, ScheduleObis.PushScriptTable, 1, 4);
            PushSchedule.Add(1, new byte[] { 0xFF, 0, 0, 0 }, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
            automation.Add(PushSchedule);
            automation.Persist(PushScripts);
            automation.Persist(PushSchedule);
            Row(PushScripts, read, read, configurable);
            Row(PushSchedule, read, read, configurable);
        }

        // A physical value in the units of a register with 'scaler' (value = physical / 10^scaler).
        private static double Scaled(double physical, int scaler)
        {
            return MeterMath.Round(physical / MeterMath.Pow10(scaler));
        }
    }
}
