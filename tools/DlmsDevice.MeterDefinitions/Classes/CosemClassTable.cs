using System;
using System.Collections.Generic;
using System.Linq;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>
    /// The interface classes a definition can use, one registration each (docs/meter-definitions.md,
    /// "Adding an interface class"): id, version, name, the C# class with the constants, the Blue
    /// Book attribute and method names, and the <see cref="ObjectKind"/> that reads the object's
    /// properties and builds it through <c>MeterModelBuilder</c>.
    /// </summary>
    public static class CosemClassTable
    {
        private static readonly CosemClassInfo[] s_classes =
        {
            new CosemClassInfo(1, 0, "data", "Data", new[] { "logical_name", "value" }, new string[0], new DataKind()),
            new CosemClassInfo(3, 0, "register", "Register", new[] { "logical_name", "value", "scaler_unit" }, new[] { "reset" }, new RegisterKind()),
            new CosemClassInfo(4, 0, "extended-register", "ExtendedRegister", new[] { "logical_name", "value", "scaler_unit", "status", "capture_time" }, new[] { "reset" }, new EngineOnlyKind()),
            new CosemClassInfo(5, 0, "demand-register", "DemandRegister",
                new[] { "logical_name", "current_average_value", "last_average_value", "scaler_unit", "status", "capture_time", "start_time_current", "period", "number_of_periods" },
                new[] { "reset", "next_period" }, new EngineOnlyKind()),
            new CosemClassInfo(7, 1, "profile-generic", "ProfileGeneric",
                new[] { "logical_name", "buffer", "capture_objects", "capture_period", "sort_method", "sort_object", "entries_in_use", "profile_entries" },
                new[] { "reset", "capture" }, new ProfileKind()),
            new CosemClassInfo(8, 0, "clock", "Clock",
                new[] { "logical_name", "time", "time_zone", "status", "daylight_savings_begin", "daylight_savings_end", "daylight_savings_deviation", "daylight_savings_enabled", "clock_base" },
                new[] { "adjust_to_quarter", "adjust_to_measuring_period", "adjust_to_minute", "adjust_to_preset_time", "preset_adjusting_time", "shift_time" }, new EngineOnlyKind()),
            new CosemClassInfo(15, 1, "association-ln", "AssociationLogicalName",
                new[] { "logical_name", "object_list", "associated_partners_id", "application_context_name", "xdlms_context_info", "authentication_mechanism_name", "secret", "association_status", "security_setup_reference" },
                new[] { "reply_to_hls_authentication", "change_hls_secret", "add_object", "remove_object" }, new AssociationKind()),
            new CosemClassInfo(17, 0, "sap-assignment", "SapAssignment", new[] { "logical_name", "sap_assignment_list" }, new[] { "connect_logical_device" }, new SapAssignmentKind()),
            new CosemClassInfo(23, 1, "iec-hdlc-setup", "IecHdlcSetup",
                new[] { "logical_name", "comm_speed", "window_size_transmit", "window_size_receive", "max_info_field_length_transmit", "max_info_field_length_receive", "inter_octet_time_out", "inactivity_time_out", "device_address" },
                new string[0], new HdlcSetupKind()),
            new CosemClassInfo(41, 0, "tcp-udp-setup", "TcpUdpSetup", new[] { "logical_name", "tcp_udp_port", "ip_reference", "mss", "nb_of_sim_conn", "inactivity_time_out" }, new string[0], new TcpUdpSetupKind()),
            new CosemClassInfo(64, 0, "security-setup", "SecuritySetup",
                new[] { "logical_name", "security_policy", "security_suite", "client_system_title", "server_system_title" },
                new[] { "security_activate", "global_key_transfer" }, new SecuritySetupKind()),
            new CosemClassInfo(70, 0, "disconnect-control", "DisconnectControl", new[] { "logical_name", "output_state", "control_state", "control_mode" },
                new[] { "remote_disconnect", "remote_reconnect" }, new EngineOnlyKind()),
        };

        /// <summary>Every registered class.</summary>
        public static IReadOnlyList<CosemClassInfo> Classes => s_classes;

        /// <summary>The class with id <paramref name="id"/>; null when none is registered.</summary>
        public static CosemClassInfo? Find(int id) => s_classes.FirstOrDefault(c => c.Id == id);

        /// <summary>The class named <paramref name="name"/> (definition name, any case); null when none.</summary>
        public static CosemClassInfo? Find(string name) => s_classes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
