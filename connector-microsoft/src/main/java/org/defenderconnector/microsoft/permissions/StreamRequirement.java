package org.defenderconnector.microsoft.permissions;

import org.defenderconnector.microsoft.cloud.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one stream needs from the app registration.
 *
 * @param stream          the stream
 * @param api             the API it reads (and so the token audience and the portal's API entry)
 * @param leastPrivileged the application permission to grant
 * @param alsoAccepted    other permissions the endpoint accepts (usually the ReadWrite variant)
 * @param probe           the cheap read that proves access
 * @param note            a caveat worth printing, or null
 */
public record StreamRequirement(DefenderStream stream, Api api, String leastPrivileged, List<String> alsoAccepted,
                                Probe probe, String note) {
    public StreamRequirement {
        alsoAccepted = List.copyOf(alsoAccepted);
    }

    /** Every permission with which the stream works, least privileged first. */
    public List<String> acceptedPermissions() {
        List<String> all = new ArrayList<>();
        all.add(leastPrivileged);
        all.addAll(alsoAccepted);
        return all;
    }

    /** True when any accepted permission is among {@code roles} (case-insensitive, as Entra compares). */
    public boolean satisfiedBy(List<String> roles) {
        return acceptedPermissions().stream().anyMatch(p -> roles.stream().anyMatch(r -> r.equalsIgnoreCase(p)));
    }

    public Optional<String> caveat() {
        return Optional.ofNullable(note);
    }
}
