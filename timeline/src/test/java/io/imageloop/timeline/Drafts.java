package io.imageloop.timeline;

/** The draft from the product's JSON description, used across tests. */
final class Drafts {

    private Drafts() {
    }

    static final String EXAMPLE = """
            {"v":1, "d":6000,
             "m":{"aspect":"16:9","fps":30,"name":"Lake"},
             "t":[
              {"tt":0,"m":{"name":"Video"},"sg":[{"s":0,"d":6000,"m":{"media":"lake.jpg","kind":"loop","style":"flow","direction":"right","region":"upper","strength":1.0,"loop_ms":6000,"fit":"cover"}}]},
              {"tt":1,"m":{"name":"BGM"},"sg":[{"s":0,"d":6000,"m":{"media":"lofi.mp3","name":"Lo-fi","volume":0.35,"fade_in_ms":500,"fade_out_ms":1000,"offset_ms":0}}]},
              {"tt":7,"m":{"name":"Title"},"sg":[{"s":0,"d":3000,"m":{"text":"Urban Dreams","position":"top","size":0.08,"color":"#FFFFFF","outline":"#000000","shadow":true,"fade_in_ms":300,"fade_out_ms":300}}]}
             ]}
            """;
}
