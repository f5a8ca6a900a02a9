package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/namegen"
)

// TestEachBrief checks that Each gives Cluster's assignments in input
// order, and that Brief changes only Why and Score.
func TestEachBrief(t *testing.T) {
	names := append(namegen.Realistic(5000), "Masoud Rajavi", "Rajavi, Mas’oud", "Maryam Rajavi", "Masoud Rajavi")
	want := Cluster(names)
	for _, brief := range []bool{false, true} {
		next := 0
		(&Clusterer{Brief: brief}).Each(names, func(i int, a Assignment) {
			require.Equal(t, next, i)
			next++
			w := want[i]
			if brief {
				w.Why, w.Score = "", 0
			}
			assert.Equal(t, w, a)
		})
		assert.Equal(t, len(names), next)
	}
}
