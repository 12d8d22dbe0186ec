package io.moiety.descriptors;

import org.junit.jupiter.api.Test;

class CdkDescriptorsTest {
    @Test
    void print() {
        CdkDescriptors d = new CdkDescriptors();
        for (String s : new String[] {"C", "CCO", "CC(=O)O", "c1ccccc1", "C1CCCCC1", "c1ccncc1", "CC(=O)Oc1ccccc1C(=O)O",
                "Nc1ccc(S(=O)(=O)Nc2ncccn2)cc1", "C12C3C4C1C5C2C3C45", "CC(C)(C)C", "CC(=O)NC", "C1CC1C#N", "OC1COC1"}) {
            System.out.println(s + " " + CdkDescriptors.describe(d.compute(s)));
        }
    }
}
