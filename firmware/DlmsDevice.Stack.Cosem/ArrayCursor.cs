namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Position of an element-wise read of an array attribute (object_list, profile buffer)
    /// that spans several GET-with-block responses. One instance per association, allocated
    /// once; the object being read stores its decoded selection in the general-purpose fields.
    /// </summary>
    public sealed class ArrayCursor
    {
        /// <summary>Number of elements the array holds (after selective access).</summary>
        public int Count;

        /// <summary>Index (0-based) of the element to write next.</summary>
        public int Index;

        /// <summary>Object-defined: first row/entry of the selection (e.g. ring index).</summary>
        public int From;

        /// <summary>Object-defined: last row/entry of the selection.</summary>
        public int To;

        /// <summary>Object-defined: first selected column (0-based).</summary>
        public int FirstColumn;

        /// <summary>Object-defined: number of selected columns.</summary>
        public int ColumnCount;

        /// <summary>Object-defined: selected column bit mask for non-contiguous column selection (up to 32 columns).</summary>
        public int ColumnMask;

        /// <summary>Object-defined extra value (e.g. a snapshot of a ring's write counter).</summary>
        public long Tag;

        /// <summary>Clears every field.</summary>
        public void Reset()
        {
            Count = 0;
            Index = 0;
            From = 0;
            To = 0;
            FirstColumn = 0;
            ColumnCount = 0;
            ColumnMask = 0;
            Tag = 0;
        }
    }
}
