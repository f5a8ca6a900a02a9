package translit_test

import (
	"fmt"

	"github.com/manba/manba/pkg/translit"
	"golang.org/x/text/transform"
)

func ExampleFold() {
	for _, s := range []string{"Masoud", "Massoud", "Mas’oud", "Masʻūd", "Masood"} {
		fmt.Println(translit.Fold(s))
	}
	fmt.Println(translit.Fold("Mojahedin-e Khalq"), "=", translit.Fold("Mujahideen-e-Khalq"))
	fmt.Println(translit.Fold("Khomeini"), translit.Fold("Khamenei"), translit.Fold("Khomein"))
	// Output:
	// masud
	// masud
	// masud
	// masud
	// masud
	// mujahadan xalk = mujahadan xalk
	// xumani xamani xuman
}

func ExampleFoldExplain() {
	key, rules := translit.FoldExplain("Mojahedin-e Khalgh")
	fmt.Println(key)
	fmt.Println(rules &^ (translit.RuleCase | translit.RuleSeparator))
	// Output:
	// mujahadan xalk
	// a/e/i o/u + kh/x + gh/k + ezafe
}

// The Skeleton profile is where Persian script meets its romanizations.
func ExampleProfile_String() {
	fmt.Println(translit.Skeleton.String("مریم قجر عضدانلو"))
	fmt.Println(translit.Skeleton.String("Maryam Qajar Azodanlou"))
	fmt.Println(translit.Cleanup.String("علي‌رضا"))
	// Output:
	// mrm kjr zdnl
	// mrm kjr zdnl
	// علیرضا
}

func ExampleProfile_NewTransformer() {
	out, _, err := transform.String(translit.Default.NewTransformer(), "Negah-e Emrooz, Nigāh-i Imrūz")
	fmt.Println(out, err)
	// Output:
	// naga amruz naga amruz <nil>
}

func ExampleCompareWords() {
	for _, p := range [][2]string{{"Khomeini", "Jomeini"}, {"Jamil", "Jamal"}, {"Jamil", "جمیل"}} {
		c := translit.CompareWords(p[0], p[1])
		fmt.Printf("%s ~ %s: same=%v score=%.2f %v\n", p[0], p[1], c.Same(), c.Score, c.Rules)
	}
	// Output:
	// Khomeini ~ Jomeini: same=true score=0.78 [Spanish j = kh]
	// Jamil ~ Jamal: same=false score=0.42 [short vowel written or not]
	// Jamil ~ جمیل: same=true score=0.96 [script]
}
