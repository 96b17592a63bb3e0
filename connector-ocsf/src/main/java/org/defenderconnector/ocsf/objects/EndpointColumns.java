package org.defenderconnector.ocsf.objects;

/**
 * Which columns of a Defender row describe one network endpoint. Any column may be null.
 *
 * @param ip       IP address column
 * @param port     port column
 * @param hostname host name column
 * @param ipType   Defender's IP type column (Public, Private, Loopback...)
 */
public record EndpointColumns(String ip, String port, String hostname, String ipType) {
    /** The local side of a device's connection (LocalIP, LocalPort, LocalIPType). */
    public static final EndpointColumns LOCAL = new EndpointColumns("LocalIP", "LocalPort", null, "LocalIPType");

    /** The remote side of a device's connection (RemoteIP, RemotePort, RemoteIPType). */
    public static final EndpointColumns REMOTE = new EndpointColumns("RemoteIP", "RemotePort", null, "RemoteIPType");

    /** The remote device of a logon (RemoteIP, RemotePort, RemoteDeviceName, RemoteIPType). */
    public static final EndpointColumns REMOTE_DEVICE =
            new EndpointColumns("RemoteIP", "RemotePort", "RemoteDeviceName", "RemoteIPType");

    /** The client side of an identity event (IPAddress, Port, DeviceName). */
    public static final EndpointColumns IDENTITY_SOURCE = new EndpointColumns("IPAddress", "Port", "DeviceName", null);

    /** The server side of an identity event (DestinationIPAddress, DestinationPort, DestinationDeviceName). */
    public static final EndpointColumns IDENTITY_DESTINATION =
            new EndpointColumns("DestinationIPAddress", "DestinationPort", "DestinationDeviceName", null);
}
