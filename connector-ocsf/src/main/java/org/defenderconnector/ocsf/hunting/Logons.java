package org.defenderconnector.ocsf.hunting;

import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication (3002) vocabulary shared by DeviceLogonEvents and IdentityLogonEvents: the logon
 * outcome, logon type and protocol. A failed logon is activity 1 Logon with status 2 Failure — not
 * Logoff, which is what a public mapping got wrong.
 */
final class Logons {
    static final EnumValue LOGON = new EnumValue(1, "Logon");
    static final EnumValue SUCCESS = new EnumValue(1, "Success");
    static final EnumValue FAILURE = new EnumValue(2, "Failure");

    /** OCSF logon types that mean the user came over the network. */
    private static final Set<Integer> REMOTE_TYPES = Set.of(3, 8, 10, 12);
    private static final Set<Integer> LOCAL_TYPES = Set.of(2, 4, 5, 7, 11, 13);

    private Logons() {
    }

    /** The activity for a logon ActionType (LogonSuccess, LogonFailed, LogonAttempted); 99 Other otherwise. */
    static EnumValue activity(String actionType) {
        if (actionType == null) {
            return EnumValue.UNKNOWN;
        }
        return switch (actionType.toLowerCase(Locale.ROOT)) {
            case "logonsuccess", "logonfailed", "logonattempted" -> LOGON;
            default -> EnumValue.other(actionType);
        };
    }

    /** The status for a logon ActionType; empty when the outcome is not reported (LogonAttempted). */
    static Optional<EnumValue> status(String actionType) {
        if (actionType == null) {
            return Optional.empty();
        }
        return switch (actionType.toLowerCase(Locale.ROOT)) {
            case "logonsuccess" -> Optional.of(SUCCESS);
            case "logonfailed" -> Optional.of(FAILURE);
            default -> Optional.empty();
        };
    }

    /**
     * Windows logon types as Defender spells them (Interactive, RemoteInteractive, Network, Batch,
     * Service, Unlock, NetworkCleartext, NewCredentials, Cached*) and the Defender for Identity types
     * (Credentials validation, Interactive logon, Resource access, LDAP cleartext, Remote desktop...),
     * numbered as Microsoft documents them; anything else is 99 Other with the source's word.
     */
    static EnumValue logonType(String logonType) {
        String key = logonType.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (key) {
            case "system" -> new EnumValue(1, "System");
            case "interactive", "interactivelogon", "interactivelogonwithcertificate", "credentialsvalidation",
                 "vpnconnection" -> new EnumValue(2, "Interactive");
            case "network", "resourceaccess", "delegatedresourceaccess" -> new EnumValue(3, "Network");
            case "batch" -> new EnumValue(4, "Batch");
            case "service" -> new EnumValue(5, "OS Service");
            case "unlock" -> new EnumValue(7, "Unlock");
            case "networkcleartext", "ldapcleartext" -> new EnumValue(8, "Network Cleartext");
            case "newcredentials" -> new EnumValue(9, "New Credentials");
            case "remoteinteractive", "remoteinteractiverdp", "remotedesktop" -> new EnumValue(10, "Remote Interactive");
            case "cachedinteractive" -> new EnumValue(11, "Cached Interactive");
            case "cachedremoteinteractive" -> new EnumValue(12, "Cached Remote Interactive");
            case "cachedunlock" -> new EnumValue(13, "Cached Unlock");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(logonType);
        };
    }

    /** Whether the logon type says the user came over the network; empty when the type does not say. */
    static Optional<Boolean> isRemote(EnumValue logonType) {
        if (REMOTE_TYPES.contains(logonType.id())) {
            return Optional.of(true);
        }
        return LOCAL_TYPES.contains(logonType.id()) ? Optional.of(false) : Optional.empty();
    }

    static EnumValue protocol(String protocol) {
        String key = protocol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (key) {
            case "ntlm", "ntlmv1", "ntlmv2" -> new EnumValue(1, "NTLM");
            case "kerberos" -> new EnumValue(2, "Kerberos");
            case "digest" -> new EnumValue(3, "Digest");
            case "openid", "openidconnect" -> new EnumValue(4, "OpenID");
            case "saml", "saml2" -> new EnumValue(5, "SAML");
            case "oauth", "oauth2", "oauth20" -> new EnumValue(6, "OAUTH 2.0");
            case "basic", "basicauthentication" -> new EnumValue(11, "Basic Authentication");
            case "ldap" -> new EnumValue(12, "LDAP");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(protocol);
        };
    }
}
