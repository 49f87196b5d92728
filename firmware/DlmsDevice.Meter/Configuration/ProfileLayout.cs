using System;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The capture objects (columns) of one of the engine's profiles, as a meter definition gives
    /// them: each column is an engine object (<see cref="EngineQuantity"/>) or any other object
    /// of the model, with the attribute and data_index captured. The engine sizes each column
    /// with the profile's width rules (<see cref="ProfileGeneric.AddCaptureObject(CosemObject, int, int)"/>).
    /// Configuration time only.
    /// </summary>
    public sealed class ProfileLayout
    {
        private readonly int[] _quantities;
        private readonly CosemObject[] _objects;
        private readonly int[] _attributes;
        private readonly int[] _dataIndexes;
        private int _count;

        /// <summary>An empty layout for at most <paramref name="maxColumns"/> columns (1..<see cref="ProfileGeneric.MaxColumns"/>).</summary>
        public ProfileLayout(int maxColumns)
        {
            if (maxColumns < 1 || maxColumns > ProfileGeneric.MaxColumns)
            {
                throw new ArgumentOutOfRangeException();
            }
            _quantities = new int[maxColumns];
            _objects = new CosemObject[maxColumns];
            _attributes = new int[maxColumns];
            _dataIndexes = new int[maxColumns];
        }

        /// <summary>Columns added.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Adds a column capturing <paramref name="attributeId"/> of the engine's <paramref name="quantity"/> object.</summary>
        public ProfileLayout Add(EngineQuantity quantity, int attributeId, int dataIndex)
        {
            Append((int)quantity, null, attributeId, dataIndex);
            return this;
        }

        /// <summary>Adds a column capturing <paramref name="attributeId"/> of <paramref name="obj"/> (an object outside the engine).</summary>
        public ProfileLayout Add(CosemObject obj, int attributeId, int dataIndex)
        {
            if (obj == null)
            {
                throw new ArgumentNullException();
            }
            Append(-1, obj, attributeId, dataIndex);
            return this;
        }

        /// <summary>True when column <paramref name="column"/> is an engine object (<see cref="GetQuantity"/>), false when it is <see cref="GetObject"/>.</summary>
        public bool IsEngineColumn(int column)
        {
            return _quantities[Check(column)] >= 0;
        }

        /// <summary>The engine object of column <paramref name="column"/>.</summary>
        public EngineQuantity GetQuantity(int column)
        {
            return (EngineQuantity)_quantities[Check(column)];
        }

        /// <summary>The object of column <paramref name="column"/> when it is not an engine object (else null).</summary>
        public CosemObject GetObject(int column)
        {
            return _objects[Check(column)];
        }

        /// <summary>The attribute captured in column <paramref name="column"/>.</summary>
        public int GetAttribute(int column)
        {
            return _attributes[Check(column)];
        }

        /// <summary>The data_index of column <paramref name="column"/> (0 = the whole attribute).</summary>
        public int GetDataIndex(int column)
        {
            return _dataIndexes[Check(column)];
        }

        private void Append(int quantity, CosemObject obj, int attributeId, int dataIndex)
        {
            if (_count == _quantities.Length)
            {
                throw new InvalidOperationException();
            }
            if (attributeId < 1 || dataIndex < 0 || dataIndex > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException();
            }
            _quantities[_count] = quantity;
            _objects[_count] = obj;
            _attributes[_count] = attributeId;
            _dataIndexes[_count] = dataIndex;
            _count++;
        }

        private int Check(int column)
        {
            if (column < 0 || column >= _count)
            {
                throw new ArgumentOutOfRangeException();
            }
            return column;
        }
    }
}
