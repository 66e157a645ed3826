package embedded

import "testing"

// BenchmarkDecodeKnowledge is the start-up cost of the knowledge cache.
func BenchmarkDecodeKnowledge(b *testing.B) {
	for b.Loop() {
		var k knowledgeCache
		if err := decode(cachedKnowledge, &k); err != nil {
			b.Fatal(err)
		}
	}
}
