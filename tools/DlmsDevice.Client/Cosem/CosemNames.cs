using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Names from the Blue Book (DLMS UA 1000-1) for people: interface classes, their attributes and
    /// methods. Unknown ids get a neutral name ("attribute 12").
    /// </summary>
    public static class CosemNames
    {
        /// <summary>The interface class name of a class id ("Register" for 3).</summary>
        public static string ClassName(ushort classId) => classId switch
        {
            1 => "Data",
            3 => "Register",
            4 => "Extended register",
            5 => "Demand register",
            6 => "Register activation",
            7 => "Profile generic",
            8 => "Clock",
            9 => "Script table",
            10 => "Schedule",
            11 => "Special days table",
            12 => "Association SN",
            15 => "Association LN",
            17 => "SAP assignment",
            18 => "Image transfer",
            19 => "IEC local port setup",
            20 => "Activity calendar",
            21 => "Register monitor",
            22 => "Single action schedule",
            23 => "IEC HDLC setup",
            40 => "Push setup",
            41 => "TCP-UDP setup",
            42 => "IPv4 setup",
            43 => "MAC address setup",
            45 => "GPRS modem setup",
            64 => "Security setup",
            70 => "Disconnect control",
            71 => "Limiter",
            _ => "class " + classId.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>The attribute's name ("scaler_unit" for Register attribute 3).</summary>
        public static string AttributeName(ushort classId, int attributeId)
        {
            if (attributeId == 1)
            {
                return "logical_name";
            }
            string? name = (classId, attributeId) switch
            {
                (1, 2) => "value",
                (3, 2) => "value",
                (3, 3) => "scaler_unit",
                (4, 2) => "value",
                (4, 3) => "scaler_unit",
                (4, 4) => "status",
                (4, 5) => "capture_time",
                (5, 2) => "current_average_value",
                (5, 3) => "last_average_value",
                (5, 4) => "scaler_unit",
                (5, 5) => "status",
                (5, 6) => "capture_time",
                (5, 7) => "start_time_current",
                (5, 8) => "period",
                (5, 9) => "number_of_periods",
                (7, 2) => "buffer",
                (7, 3) => "capture_objects",
                (7, 4) => "capture_period",
                (7, 5) => "sort_method",
                (7, 6) => "sort_object",
                (7, 7) => "entries_in_use",
                (7, 8) => "profile_entries",
                (8, 2) => "time",
                (8, 3) => "time_zone",
                (8, 4) => "status",
                (8, 5) => "daylight_savings_begin",
                (8, 6) => "daylight_savings_end",
                (8, 7) => "daylight_savings_deviation",
                (8, 8) => "daylight_savings_enabled",
                (8, 9) => "clock_base",
                (9, 2) => "scripts",
                (15, 2) => "object_list",
                (15, 3) => "associated_partners_id",
                (15, 4) => "application_context_name",
                (15, 5) => "xDLMS_context_info",
                (15, 6) => "authentication_mechanism_name",
                (15, 7) => "secret",
                (15, 8) => "association_status",
                (15, 9) => "security_setup_reference",
                (15, 10) => "user_list",
                (15, 11) => "current_user",
                (17, 2) => "SAP_assignment_list",
                (23, 2) => "comm_speed",
                (23, 3) => "window_size_transmit",
                (23, 4) => "window_size_receive",
                (23, 5) => "max_info_field_length_transmit",
                (23, 6) => "max_info_field_length_receive",
                (23, 7) => "inter_octet_time_out",
                (23, 8) => "inactivity_time_out",
                (23, 9) => "device_address",
                (40, 2) => "push_object_list",
                (40, 3) => "send_destination_and_method",
                (40, 4) => "communication_window",
                (40, 5) => "randomisation_start_interval",
                (40, 6) => "number_of_retries",
                (40, 7) => "repetition_delay",
                (41, 2) => "port",
                (41, 3) => "IP_reference",
                (41, 4) => "MSS",
                (41, 5) => "nb_of_sim_conn",
                (41, 6) => "inactivity_time_out",
                (64, 2) => "security_policy",
                (64, 3) => "security_suite",
                (64, 4) => "client_system_title",
                (64, 5) => "server_system_title",
                (64, 6) => "certificates",
                (70, 2) => "output_state",
                (70, 3) => "control_state",
                (70, 4) => "control_mode",
                (71, 2) => "monitored_value",
                _ => null,
            };
            return name ?? "attribute " + attributeId.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The method's name ("reply_to_HLS_authentication" for Association LN method 1).</summary>
        public static string MethodName(ushort classId, int methodId)
        {
            string? name = (classId, methodId) switch
            {
                (1, 1) => "reset",
                (3, 1) => "reset",
                (4, 1) => "reset",
                (5, 1) => "reset",
                (5, 2) => "next_period",
                (7, 1) => "reset",
                (7, 2) => "capture",
                (8, 1) => "adjust_to_quarter",
                (8, 2) => "adjust_to_measuring_period",
                (8, 3) => "adjust_to_minute",
                (8, 4) => "adjust_to_preset_time",
                (8, 5) => "preset_adjusting_time",
                (8, 6) => "shift_time",
                (9, 1) => "execute",
                (15, 1) => "reply_to_HLS_authentication",
                (15, 2) => "change_HLS_secret",
                (15, 3) => "add_object",
                (15, 4) => "remove_object",
                (17, 1) => "connect_logical_device",
                (40, 1) => "push",
                (64, 1) => "security_activate",
                (64, 2) => "key_transfer",
                (70, 1) => "remote_disconnect",
                (70, 2) => "remote_reconnect",
                _ => null,
            };
            return name ?? "method " + methodId.ToString(CultureInfo.InvariantCulture);
        }
    }
}
