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
