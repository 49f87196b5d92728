namespace DlmsDevice.Stack.Services
{
    /// <summary>GET-Request CHOICE (Green Book, xDLMS APDUs: Get-Request).</summary>
    public enum GetRequestType : byte
    {
        /// <summary>get-request-normal [1].</summary>
        Normal = 1,
        /// <summary>get-request-next [2]: acknowledges a datablock and asks for the next one.</summary>
        Next = 2,
        /// <summary>get-request-with-list [3].</summary>
        WithList = 3,
    }

    /// <summary>GET-Response CHOICE.</summary>
    public enum GetResponseType : byte
    {
        /// <summary>get-response-normal [1].</summary>
        Normal = 1,
        /// <summary>get-response-with-datablock [2].</summary>
        WithDatablock = 2,
        /// <summary>get-response-with-list [3].</summary>
        WithList = 3,
    }

    /// <summary>SET-Request CHOICE.</summary>
    public enum SetRequestType : byte
    {
        /// <summary>set-request-normal [1].</summary>
        Normal = 1,
        /// <summary>set-request-with-first-datablock [2].</summary>
        WithFirstDatablock = 2,
        /// <summary>set-request-with-datablock [3].</summary>
        WithDatablock = 3,
        /// <summary>set-request-with-list [4].</summary>
        WithList = 4,
        /// <summary>set-request-with-list-and-first-datablock [5].</summary>
        WithListAndFirstDatablock = 5,
    }

    /// <summary>SET-Response CHOICE.</summary>
    public enum SetResponseType : byte
    {
        /// <summary>set-response-normal [1].</summary>
        Normal = 1,
        /// <summary>set-response-datablock [2]: acknowledges a block that was not the last.</summary>
        Datablock = 2,
        /// <summary>set-response-last-datablock [3].</summary>
        LastDatablock = 3,
        /// <summary>set-response-last-datablock-with-list [4].</summary>
        LastDatablockWithList = 4,
        /// <summary>set-response-with-list [5].</summary>
        WithList = 5,
    }

    /// <summary>ACTION-Request CHOICE.</summary>
    public enum ActionRequestType : byte
    {
        /// <summary>action-request-normal [1].</summary>
        Normal = 1,
        /// <summary>action-request-next-pblock [2]: acknowledges a response pblock and asks for the next one.</summary>
        NextPblock = 2,
        /// <summary>action-request-with-list [3].</summary>
        WithList = 3,
        /// <summary>action-request-with-first-pblock [4].</summary>
        WithFirstPblock = 4,
        /// <summary>action-request-with-list-and-first-pblock [5].</summary>
        WithListAndFirstPblock = 5,
        /// <summary>action-request-with-pblock [6].</summary>
        WithPblock = 6,
    }

    /// <summary>ACTION-Response CHOICE.</summary>
    public enum ActionResponseType : byte
    {
        /// <summary>action-response-normal [1].</summary>
        Normal = 1,
        /// <summary>action-response-with-pblock [2].</summary>
        WithPblock = 2,
        /// <summary>action-response-with-list [3].</summary>
        WithList = 3,
        /// <summary>action-response-next-pblock [4]: acknowledges a request pblock that was not the last.</summary>
        NextPblock = 4,
    }
}
