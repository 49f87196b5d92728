using System.Collections.Generic;
using System.Text.Json;
using DlmsDevice.MeterDefinitions.Building;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.MeterDefinitions.Reading;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>
    /// What a class does with an object of a definition: which properties it takes besides the
    /// common ones, how it reads and checks them (the attribute value parsers), and how the
    /// model builds it (the factory: one <c>MeterModelBuilder</c> call, live or as generated code).
    /// </summary>
    public abstract class ObjectKind
    {
        /// <summary>The class-specific properties an object of this class may have.</summary>
        public abstract IReadOnlyList<string> Properties { get; }

        /// <summary>First pass: reads the class-specific properties (no references to other objects yet).</summary>
        internal virtual void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
        }

        /// <summary>Second pass: resolves references to other objects of <paramref name="device"/> and checks them.</summary>
        internal virtual void Resolve(JsonElement element, ObjectDefinition obj, LogicalDeviceDefinition device, DefinitionReader reader)
        {
        }

        /// <summary>
        /// Step 2 of the build: creates an object the engine does not (a data value, a setup
        /// object, an association) as <paramref name="plan"/>'s variable for it, and passes an
        /// engine object's settings (a clock's time zone, a demand period) to the configuration.
        /// </summary>
        internal abstract void Create(ObjectDefinition obj, ModelPlan plan);

        /// <summary>Step 3: an engine profile's layout. Nothing for other classes.</summary>
        internal virtual void Layout(ObjectDefinition obj, ModelPlan plan)
        {
        }

        /// <summary>Step 4, before the directories: an object made from engine objects (a profile of the definition's own). Nothing for other classes.</summary>
        internal virtual void AfterEngine(ObjectDefinition obj, ModelPlan plan)
        {
        }
    }
}
