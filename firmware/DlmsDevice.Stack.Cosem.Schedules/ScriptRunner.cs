using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Runs the actions of scripts (Blue Book, IC 9 Script table: action_specification) on the
    /// objects of a logical device, and reads the values that register monitors and limiters
    /// watch: the one place where the meter acts on its own objects.
    /// </summary>
    /// <remarks>
    /// <para>An action is generic: service 1 writes attribute <c>index</c> of the object
    /// (class_id, logical_name) with the action's parameter, service 2 invokes its method
    /// <c>index</c> with it, through the object's own <see cref="CosemObject.SetAttribute"/> and
    /// <see cref="CosemObject.Invoke"/>, exactly as a client's SET or ACTION would. The object is
    /// found in <see cref="Objects"/> (the logical device's directory, every object), and the
    /// meter acts with its own rights: no association's access rights apply.</para>
    /// <para>Scripts may execute scripts (an action may invoke a script table's execute); at
    /// most <see cref="MaxDepth"/> script executions are nested, a deeper one fails, so a
    /// script that calls itself ends.</para>
    /// <para>The runner is also the shared workspace of the classes of this assembly (one
    /// reader, one writer and a scratch buffer for the whole meter, allocated once): requests
    /// and the engine's tick take turns on the meter's lock, and each user is done with the
    /// workspace before it runs a script.</para>
    /// </remarks>
    public sealed class ScriptRunner
    {
        /// <summary>service_id 1: write_attribute.</summary>
        public const byte WriteAttribute = 1;

        /// <summary>service_id 2: execute_specific_method.</summary>
        public const byte ExecuteMethod = 2;

        /// <summary>Most script executions nested in one another.</summary>
        public const int MaxDepth = 4;

        private readonly CosemContext _context;
        private readonly AxdrReader _reader;
        private readonly AxdrWriter _writer;
        private byte[] _scratch;
        private ObjectList _objects;
        private int _depth;
        private int _actionsRun;
        private int _failedActions;

        /// <summary>
        /// A runner with a scratch buffer of <paramref name="scratchSize"/> bytes (return values
        /// of methods an action invokes, values read for a monitor; at least 64) and the context
        /// the meter's own calls carry (null = a new one; a meter shares its profiles'). Set
        /// <see cref="Objects"/> before the first script runs.
        /// </summary>
        public ScriptRunner(int scratchSize, CosemContext context)
        {
            if (scratchSize < 64)
            {
                throw new ArgumentOutOfRangeException();
            }
            _scratch = new byte[scratchSize];
            // Scripts are shallow (a script table, an action, a value): a short reader stack.
            _reader = new AxdrReader(MaxDepth);
            _writer = new AxdrWriter();
            _context = context != null ? context : new CosemContext();
            _context.Status = AssociationStatus.Associated;
        }

        /// <summary>Every object the scripts may act on (the logical device's directory). Configuration time.</summary>
        public ObjectList Objects
        {
            get { return _objects; }
            set { _objects = value; }
        }

        /// <summary>The context the meter's own calls carry (no association's rights, no client).</summary>
        public CosemContext Context
        {
            get { return _context; }
        }

        /// <summary>The shared reader (script parameters, stored configuration).</summary>
        public AxdrReader Reader
        {
            get { return _reader; }
        }

        /// <summary>The shared writer.</summary>
        public AxdrWriter Writer
        {
            get { return _writer; }
        }

        /// <summary>The shared scratch buffer.</summary>
        public byte[] Scratch
        {
            get { return _scratch; }
        }

        /// <summary>Configuration time: makes the scratch buffer at least <paramref name="size"/> bytes (the meter saves configuration records through it).</summary>
        public void EnsureScratch(int size)
        {
            if (size > _scratch.Length)
            {
                _scratch = new byte[size];
            }
        }

        /// <summary>Actions run since start.</summary>
        public int ActionsRun
        {
            get { return _actionsRun; }
        }

        /// <summary>Actions that failed since start (no such object, or the object refused): the script goes on with its next action.</summary>
        public int FailedActions
        {
            get { return _failedActions; }
        }

        /// <summary>The object of class <paramref name="classId"/> named <paramref name="logicalName"/> (packed, <see cref="ObisCode.Value"/>); null when absent.</summary>
        public CosemObject Find(ushort classId, long logicalName)
        {
            if (_objects == null)
            {
                return null;
            }
            int index = _objects.IndexOf(classId, logicalName);
            return index < 0 ? null : _objects[index];
        }

        /// <summary>
        /// Executes script <paramref name="selector"/> of the script table named
        /// <paramref name="scriptTable"/> (packed logical name), as its method 1 would.
        /// </summary>
        /// <returns>The result of execute; object-undefined when there is no such script table.</returns>
        public ActionResult Execute(long scriptTable, int selector)
        {
            ScriptTable table = Find(CosemClassId.ScriptTable, scriptTable) as ScriptTable;
            if (table == null)
            {
                _failedActions++;
                return ActionResult.ObjectUndefined;
            }
            return table.Execute(selector);
        }

        /// <summary>
        /// Reads attribute <paramref name="attributeId"/> of the object (class, logical name) as a
        /// number: any integer type, enum, boolean or float (a value_definition of a register
        /// monitor or a limiter).
        /// </summary>
        /// <returns>False when the object is absent, the read fails or the value is not a number.</returns>
        public bool ReadNumber(ushort classId, long logicalName, int attributeId, out double value)
        {
            value = 0;
            CosemObject obj = Find(classId, logicalName);
            if (obj == null)
            {
                return false;
            }
            _writer.Reset(_scratch, 0, _scratch.Length);
            if (obj.GetAttribute(attributeId, 0, null, _writer, _context) != DataAccessResult.Success || _writer.Overflow)
            {
                return false;
            }
            _reader.Reset(_scratch, 0, _writer.Length);
            return Thresholds.ReadNumber(_reader, out value);
        }

        // Script execution depth: a script table's execute enters before its actions and leaves after them.
        internal bool Enter()
        {
            if (_depth >= MaxDepth)
            {
                return false;
            }
            _depth++;
            return true;
        }

        internal void Leave()
        {
            _depth--;
        }

        /// <summary>
        /// Runs one action: the parameter is the A-XDR Data at
        /// <paramref name="buffer"/>[<paramref name="offset"/> .. + <paramref name="length"/>).
        /// </summary>
        internal bool RunAction(byte service, ushort classId, long logicalName, int index, byte[] buffer, int offset, int length)
        {
            _actionsRun++;
            CosemObject obj = Find(classId, logicalName);
            bool ok = false;
            if (obj != null)
            {
                _reader.Reset(buffer, offset, length);
                if (service == WriteAttribute)
                {
                    ok = obj.SetAttribute(index, _reader, _context) == DataAccessResult.Success;
                }
                else if (service == ExecuteMethod)
                {
                    _writer.Reset(_scratch, 0, _scratch.Length);
                    ok = obj.Invoke(index, length > 0 ? _reader : null, _writer, _context) == ActionResult.Success;
                }
            }
            if (!ok)
            {
                _failedActions++;
            }
            return ok;
        }
    }
}
