using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Builds a <see cref="MeterModel"/> from a meter definition, one call per element: the same
    /// calls come from the desktop definition reader (tools/DlmsDevice.MeterDefinitions, at run
    /// time) and from the code it generates for a device (the compiled-in default meter is such
    /// code, generated from meters/default.json), so every target runs one model. Configuration
    /// time only: everything is allocated here, once.
    /// </summary>
    /// <remarks>
    /// <para>The calls come in four steps, in this order (a call out of order throws):</para>
    /// <list type="number">
    /// <item>the identity and the engine's object names: <see cref="Identity"/>, <see cref="Name"/>;</item>
    /// <item>the objects outside the engine: logical devices, data, registers, setup objects,
    /// security setups, associations (created, not yet in a directory);</item>
    /// <item>the engine's profiles and the engine itself: <see cref="Profile"/>, <see cref="CreateEngine"/>;</item>
    /// <item>the definition's own profiles (<see cref="SnapshotProfile"/>), then the directories
    /// and the rights, in the definition's object order (that is the object_list order):
    /// <see cref="Add"/>, <see cref="Allow"/>; then <see cref="Finish"/>.</item>
    /// </list>
    /// </remarks>
    public sealed partial class MeterModelBuilder
    {
        private const int StepNames = 0;
        private const int StepObjects = 1;
        private const int StepDirectory = 2;
        private const int StepFinished = 3;

        private readonly MeterModel _model;
        private readonly MeterConfiguration _configuration;
        private readonly DefaultMeterModelSettings _settings;
        private string _flagId;
        private int _step;

        /// <summary>Starts building into <paramref name="model"/> on <paramref name="configuration"/>'s hardware with <paramref name="settings"/>' identity and secrets.</summary>
        /// <exception cref="ArgumentException">The serial number is not 1..13 characters.</exception>
        public MeterModelBuilder(MeterModel model, MeterConfiguration configuration, DefaultMeterModelSettings settings)
        {
            if (model == null || configuration == null || settings == null)
            {
                throw new ArgumentNullException();
            }
            if (settings.SerialNumber == null || settings.SerialNumber.Length == 0 || settings.SerialNumber.Length > 13)
            {
                throw new ArgumentException();
            }
            _model = model;
            _configuration = configuration;
            _settings = settings;
            _flagId = DefaultMeterModelSettings.FlagId;
            model.Settings = settings;
        }

        /// <summary>The model being built.</summary>
        public MeterModel Model
        {
            get { return _model; }
        }

        /// <summary>The settings the model is built with.</summary>
        public DefaultMeterModelSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The engine's configuration (the definition's periods, sizes and profile layouts go here before <see cref="CreateEngine"/>).</summary>
        public MeterConfiguration Configuration
        {
            get { return _configuration; }
        }

        /// <summary>Step 1: the manufacturer flag id (3 letters) of the default logical device name and system title.</summary>
        public void Identity(string flagId)
        {
            Expect(StepNames);
            if (flagId == null || flagId.Length != 3)
            {
                throw new ArgumentException();
            }
            _flagId = flagId;
        }

        /// <summary>Step 1: the logical name of the engine's <paramref name="quantity"/> object.</summary>
        public void Name(EngineQuantity quantity, ObisCode logicalName)
        {
            Expect(StepNames);
            _configuration.Names.Set(quantity, logicalName);
        }

        /// <summary>
        /// Step 3: the capture objects of one of the engine's profiles (<see cref="EngineQuantity.LoadProfile"/>,
        /// <see cref="EngineQuantity.DailyProfile"/>, <see cref="EngineQuantity.EventLog"/>) and its depth;
        /// add the columns to the layout returned. <paramref name="entries"/> 0 keeps the
        /// configuration's depth (the host's default).
        /// </summary>
        public ProfileLayout Profile(EngineQuantity profile, int columns, int entries)
        {
            Expect(StepObjects);
            ProfileLayout layout = new ProfileLayout(columns);
            switch (profile)
            {
                case EngineQuantity.LoadProfile:
                    _configuration.LoadProfileLayout = layout;
                    _configuration.LoadProfileEntries = entries > 0 ? entries : _configuration.LoadProfileEntries;
                    break;
                case EngineQuantity.DailyProfile:
                    _configuration.DailyProfileLayout = layout;
                    _configuration.DailyProfileEntries = entries > 0 ? entries : _configuration.DailyProfileEntries;
                    break;
                case EngineQuantity.EventLog:
                    _configuration.EventLogLayout = layout;
                    _configuration.EventLogEntries = entries > 0 ? entries : _configuration.EventLogEntries;
                    break;
                default:
                    throw new ArgumentException();
            }
            return layout;
        }

        /// <summary>Step 3: builds the metering engine with the names and profiles given so far (its objects exist from now on).</summary>
        public MeterEngine CreateEngine()
        {
            Expect(StepObjects);
            _model.Engine = new MeterEngine(_configuration);
            // The engine has made its profiles from the layouts: they would only stay on the heap.
            _configuration.LoadProfileLayout = null;
            _configuration.DailyProfileLayout = null;
            _configuration.EventLogLayout = null;
            _step = StepDirectory;
            return _model.Engine;
        }

        /// <summary>
        /// Step 4: the engine's <paramref name="quantity"/> object; null when the hardware has
        /// no channel for it (a meter without a current input has no current register), and
        /// then <see cref="Add"/> and <see cref="Allow"/> leave it out.
        /// </summary>
        public CosemObject Engine(EngineQuantity quantity)
        {
            Expect(StepDirectory);
            return _model.Engine.GetObject(quantity);
        }

        /// <summary>Step 4: puts <paramref name="obj"/> in <paramref name="device"/>'s directory (once; the logical device name object is there from the start); nothing for null (an engine object the hardware does not have).</summary>
        public void Add(LogicalDevice device, CosemObject obj)
        {
            Expect(StepDirectory);
            if (device == null)
            {
                throw new ArgumentNullException();
            }
            if (obj != null && device.Find(obj.ClassId, obj.LogicalName) == null)
            {
                device.Add(obj);
            }
        }

        /// <summary>Step 4: lists <paramref name="obj"/> in <paramref name="association"/>'s object_list with <paramref name="rule"/>'s rights; nothing for null (an engine object the hardware does not have).</summary>
        public void Allow(AssociationLogicalName association, CosemObject obj, AccessRule rule)
        {
            Expect(StepDirectory);
            if (association == null || rule == null)
            {
                throw new ArgumentNullException();
            }
            if (obj != null)
            {
                rule.AddTo(association.Objects, obj);
            }
        }

        /// <summary>
        /// Step 4: a profile of the definition's own, not one of the engine's: a snapshot
        /// (capture_period 0) of <paramref name="layout"/>'s columns, engine objects or any other,
        /// captured whenever a client reads its buffer and kept in RAM, <paramref name="entries"/>
        /// rows deep (the IS 15959 instantaneous profile; a scaler profile, whose columns are
        /// registers' scaler_unit). Columns of engine objects the hardware does not have are left out.
        /// </summary>
        public ProfileGeneric SnapshotProfile(ObisCode logicalName, ProfileLayout layout, int entries)
        {
            Expect(StepDirectory);
            return _model.Engine.CreateSnapshotProfile(logicalName, layout, entries);
        }

        /// <summary>Ends the build: the model is ready to start.</summary>
        /// <exception cref="InvalidOperationException">A step is missing (no engine, no logical device, no link setup objects).</exception>
        public MeterModel Finish()
        {
            Expect(StepDirectory);
            if (_model.Device == null || _model.IecHdlcSetup == null || _model.TcpUdpSetup == null)
            {
                throw new InvalidOperationException();
            }
            _step = StepFinished;
            return _model;
        }

        private void Expect(int step)
        {
            if (_step == StepNames && step == StepObjects)
            {
                _step = StepObjects;
            }
            if (_step != step)
            {
                throw new InvalidOperationException();
            }
        }
    }
}
