package com.orderflow.process;

import java.util.List;

/**
 * A feature's declaration of what its code relies on in the processes folder (see {@link ProcessRequirement});
 * every bean of this type is checked before a deployment.
 */
public interface ProcessRequirements {

    List<ProcessRequirement> requirements();
}
