package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

/**
 * An application permission needed to act back on Defender (response actions), not to collect.
 *
 * @param api        the API the permission belongs to
 * @param permission the app role name
 * @param usedFor    which action needs it
 */
public record ResponsePermission(Api api, String permission, String usedFor) {
}
