package translit

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Khomeini", "xomYnI"},
		{"Khomeiny", "xomYnI"},  // French final y
		{"Jomeini", "jomYnI"},   // Spanish j (kh by a substitution)
		{"Schirin", "Sirin"},    // German sch
		{"Şirin", "Sirin"},      // Turkish ş
		{"Xatəmi", "xatamI"},    // Azerbaijani x, ə
		{"Dschafar", "jafar"},   // German dsch
		{"Djafar", "jafar"},     // French dj
		{"Mas'oud", "masUd"},    // apostrophe, ou
		{"Massoud", "masUd"},    // doubled letters
		{"Fatemeh", "fatema"},   // Persian -eh is the -ah of ALA-LC
		{"Fatimah", "fatima"},   // silent final h
		{"Hassane", "hasan"},    // French mute e after n
		{"Hüsnü", "husnI"},      // Turkish final ü: the ī of Ḥusnī
		{"ليلى", "lIlE"},        // final ى: ī or ā (Laylā)
		{"موسی", "mUsE"},        // final ی: ī or ā (Mūsá)
		{"علي", "'lI"},          // final Arabic ي: ī
		{"Hüseyin", "husYin"},   // Turkish ey before a written i
		{"Rowhani", "rWhanI"},   // ow
		{"Firdevsi", "firdWsI"}, // Turkish ev
		{"مسعود", "ms'Ud"},      // script: short vowels unwritten, ʿayn as '
		{"سيد", "sId"},          // Sayyid: no ʿayn
		{"احمد", "'hmd"},        // the alef of the first vowel
		{"قاآنی", "qAnE"},       // ā twice, as Latin writes it
		{"Qāʾānī", "qAnI"},
		{"مؤمن", "m'mn"},       // hamza on و: read as ʿayn, the m's stay two
		{"رجوی", "rjwE"},       // و before ی is v
		{"خامنه‌ای", "xAmneE"}, // ZWNJ ends a sub-word: final ه is -e
		{"Ḥāmid", "hAmid"},     // ALA-LC long vowel
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DefaultModel.Read(tt.in).Symbols, tt.in)
	}
}

func TestCompareWords(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
		rule string // part of the explanation
	}{
		{"Khomeini", "Jomeini", true, "Spanish j = kh"},
		{"Khomeini", "Chomeini", true, "German/Polish ch = kh"},
		{"Khatami", "Hatemi", true, "Turkish h = kh"},
		{"Shirazi", "Chirazi", true, "French ch = sh"},
		{"Jafar", "Yafar", true, "Spanish y = j"},
		{"Jafar", "Cafer", true, "Turkish c = j"},
		{"Jamal", "Gamal", true, "Egyptian g = j"},
		{"Zarif", "Sarif", true, "German s = z"},
		{"Mohsen", "Muhsin", true, "o for u"},
		{"Hossein", "Husayn", true, "o for u"},
		{"Rouhani", "Rowhani", true, "ow/ou"},
		{"Abdulrahman", "Abdurrahman", true, "article assimilated"},
		{"Abdollah", "Abdallah", true, "article al/ol/ul/el"},
		{"Ahmad", "Ahmet", true, "Turkish t = final d"},
		{"Khamenei", "خامنه‌ای", true, "script"},
		{"Jamil", "جمیل", true, "script"},
		{"Mustafa", "مصطفى", true, "final ی read as ā"},
		{"Mostafa", "مصطفی", true, "final ی read as ā"},
		{"Layla", "ليلى", true, "final ی read as ā"},
		{"Khomein", "خمینی", false, ""},
		{"Halit", "Khalid", true, "Turkish t = final d"},
		{"Kacem", "Qasim", true, "French c = s"},
		{"Hamzeh", "Hamza", true, "Persian -eh = -ah"},
		{"Slimane", "Sulayman", true, "French mute e"},
		{"Zineb", "Zaynab", true, "ay/i"},
		{"Ismail", "Ismāʿīl", true, "two vowels (ayn, hamza)"},
		{"Said", "Saʿīd", true, "two vowels (ayn, hamza)"},
		{"ʿIrāqchī", "Araghchi", true, "first vowel"},
		{"Youssef", "Yusuf", true, "e for u"},
		{"Samir", "Samira", false, ""},
		{"Nada", "Nadia", false, ""}, // the -iya of a nisba is written
		{"Rana", "Rania", false, ""},
		{"Rania", "Ranya", true, "ی read as a vowel or as y"},
		{"Hala", "Hila", false, ""}, // not the article's vowel
		{"Salma", "Selma", true, "e for a"},
		{"Islami", "اسلامی", true, "script"},
		{"Salami", "اسلامی", false, ""},   // the script writes the first vowel's alef
		{"Iran", "ایران", true, "script"}, // alef seating the long ī
		{"Aref", "عارف", true, "script"},  // ʿayn before a long ā
		{"Ayman", "أيمن", true, "script"},
		{"Meriem", "Maryam", true, "French i before e"},
		{"Momen", "مؤمن", true, "script"},
		{"Qaim", "قائم", true, "two vowels"},
		{"Rabiei", "Rabiya", false, ""}, // a final ī is a nisba
		{"Asem", "Esam", false, ""},     // a for e and e for a: ʿĀṣim, ʿIṣām
		{"Meryem", "Maryam", true, "e for a"},
		{"Alqahira", "Qahira", true, "article written solid"},
		{"Elbaradei", "Baradei", true, "article written solid"},
		{"Saʿīd", "سعيد", true, "script"},
		{"سعيد", "سيد", false, ""}, // ʿayn written in one script spelling only
		{"Khomeini", "Khamenei", false, ""},
		{"Khomeini", "Khomein", false, ""},
		{"Jamil", "Jamal", false, ""},
		{"Karim", "Karam", false, ""},
		{"Jamil", "جمال", false, ""},
		{"Hassan", "Hossein", false, ""},
		{"Rajavi", "Rajai", false, ""},
		// Length-aware: one letter off is a slip in a long name only.
		{"Montazeri", "Montazer", false, ""},
		{"Hashemirafsanjani", "Hashemirafsanjanu", true, "typo"},
		{"Reza", "Rezi", false, ""},
	}
	for _, tt := range tests {
		c := CompareWords(tt.a, tt.b)
		assert.Equal(t, tt.same, c.Same(), "%s ~ %s: cost %.2f budget %.2f %v", tt.a, tt.b, c.Cost, c.Budget, c.Rules)
		assert.Contains(t, strings.Join(c.Rules, "; "), tt.rule, "%s ~ %s", tt.a, tt.b)
		back := CompareWords(tt.b, tt.a)
		assert.InDelta(t, c.Cost, back.Cost, 1e-4, "not symmetric: %s ~ %s", tt.a, tt.b)
		assert.Equal(t, c.Same(), c.Score >= 0.5, "score %.2f and Same disagree", c.Score)
	}
}

func TestParseModelErrors(t *testing.T) {
	for _, src := range []string{
		"bogus\tx\n",
		"read\tkh\n",
		"sub\tkh\tx\t0.3\tlabel\tsource\n",
		"sub\tj\tx\tcheap\tlabel\tsource\n",
		"indel\ta\tnowhere\t0.3\tlabel\tsource\n",
		"\n# comment\nvariant\tSpanish\tj\n",
	} {
		_, err := ParseModel(src, "m.tsv")
		require.Error(t, err, "%q", src)
		assert.Regexp(t, `^m\.tsv:\d+: `, err.Error())
	}
}

func TestSkeletonsMeetAcrossConventions(t *testing.T) {
	m := DefaultModel
	meet := func(a, b string) bool {
		ka, kb := m.Skeletons(nil, m.Read(a)), m.Skeletons(nil, m.Read(b))
		require.Len(t, ka, m.NumSkeletons())
		for i := range ka {
			if ka[i] == kb[0] || kb[i] == ka[0] {
				return true
			}
		}
		return false
	}
	for _, p := range [][2]string{{"Khomeini", "Jomeini"}, {"Rajavi", "Radschawi"}, {"Shirazi", "Chirazi"}, {"Jafar", "Cafer"}, {"Khatami", "Hatemi"}, {"Ahmad", "Ahmet"}, {"Zarif", "Sarif"},
		{"Abderrahmane", "Abdalrahman"}, {"Alqahira", "Qahira"}, {"Riad", "Riyadh"}, {"Kacem", "Qasim"}, {"عبدالرحمن", "Abderrahmane"}} {
		assert.True(t, meet(p[0], p[1]), "%s and %s share no blocking skeleton", p[0], p[1])
	}
}

// FuzzCompare checks that the comparison never panics, is symmetric,
// gives a word no cost against itself and a score between 0 and 1.
func FuzzCompare(f *testing.F) {
	for _, p := range [][2]string{{"Khomeini", "Jomeini"}, {"Jamil", "جمال"}, {"", "x"}, {"ééé", "\xff"}, {strings.Repeat("ab", 40), "ab"}, {"اا", "وو"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 1000 || len(b) > 1000 {
			return
		}
		c := CompareWords(a, b)
		back := CompareWords(b, a)
		require.False(t, math.Abs(c.Cost-back.Cost) > 1e-3 || c.Same() != back.Same(), "not symmetric: %q ~ %q: %v / %v", a, b, c, back)
		self := CompareWords(a, a)
		require.True(t, self.Cost == 0 && self.Same(), "%q against itself: %+v", a, self)
		require.False(t, c.Score < 0 || c.Score > 1 || math.IsNaN(c.Score), "score %v", c.Score)
	})
}
